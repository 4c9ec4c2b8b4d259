package org.opengallery.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;

/**
 * What a seller answered to one request, and the judgements every case makes of an answer: it must be JSON
 * with a six-character {@code resultCode}, never an HTTP 5xx, and carry the code the rule asks for. Each
 * failing judgement throws {@link CaseFailure} with a reason naming the request and quoting what came back.
 *
 * @param request the request in words, e.g. {@code the second releaseInstance}
 */
record SellerAnswer(String request, int status, HttpHeaders headers, byte[] body, Duration elapsed) {

    /** The answer as a JSON object with a six-character {@code resultCode}. */
    JsonNode json() {
        if (status >= 500) {
            throw new CaseFailure(request + " answered HTTP " + status + ": " + Excerpt.of(body));
        }
        JsonNode tree;
        try {
            tree = ProtocolJson.read(body, JsonNode.class);
        } catch (RuntimeException notJson) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw new CaseFailure(request + " answered HTTP " + status + " with a body that is not a JSON object: "
                    + Excerpt.of(body));
        }
        JsonNode code = tree.get("resultCode");
        if (code == null || !code.isTextual() || code.asText().length() != 6) {
            throw new CaseFailure(request + " answered without a 6-character resultCode string: " + Excerpt.of(body));
        }
        return tree;
    }

    /** The {@code resultCode}, after {@link #json()}'s checks. */
    String resultCode() {
        return json().get("resultCode").asText();
    }

    /** The answer read as a protocol message, after {@link #json()}'s checks. */
    <T> T read(Class<T> type) {
        JsonNode tree = json();
        try {
            return ProtocolJson.read(tree, type);
        } catch (RuntimeException e) {
            throw new CaseFailure(request + " answered a body that does not read as " + type.getSimpleName() + " ("
                    + Excerpt.oneLine(String.valueOf(e.getMessage())) + "): " + Excerpt.of(body));
        }
    }

    /**
     * The answer of a request the seller must carry out: HTTP 200 and one of {@code codes}.
     *
     * @return the code it answered
     */
    String expectAccepted(String... codes) {
        String code = expectCode(codes);
        if (status != 200) {
            throw new CaseFailure(request + " answered " + code + " with HTTP " + status + ", expected HTTP 200");
        }
        return code;
    }

    /** The answer of a request the seller must refuse: {@code code}, whatever the (non-5xx) HTTP status. */
    void expectRejected(String code) {
        expectCode(code);
    }

    private String expectCode(String... codes) {
        String code = resultCode();
        if (!Arrays.asList(codes).contains(code)) {
            throw new CaseFailure(request + " answered " + describe(code) + ", expected "
                    + String.join(" or ", Arrays.stream(codes).map(SellerAnswer::named).toList()));
        }
        return code;
    }

    /** The code with its meaning and the seller's {@code resultMsg}, e.g. {@code 000003 (instance ID does not exist: "no such")}. */
    String describe(String code) {
        JsonNode message = json().get("resultMsg");
        String text = message == null || message.isNull() ? "" : ": \"" + Excerpt.of(message.asText()) + "\"";
        return code + " (" + ResultCode.of(code).english() + text + ")";
    }

    /** This answer's {@code resultCode}, described as in {@link #describe(String)}. */
    String describe() {
        return describe(resultCode());
    }

    /** The value of a response header, if present. */
    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    private static String named(String code) {
        return code + " (" + ResultCode.of(code).english() + ")";
    }
}
