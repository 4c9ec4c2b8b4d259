package org.opengallery.marketplace.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;
import org.springframework.stereotype.Component;

/**
 * Sends ONE production-interface request marked {@code testFlag=1} (a debug call: the seller console's 应用接入调试,
 * address verification, the dial tests) and hands back exactly what went over the wire: the request as sent (URL
 * with its query, headers, body; the signature or authToken visible as sent, the key never) and the answer (status,
 * headers, body with passwords masked, the Body-Sign verdict, resultCode). It only reports: whether the answer
 * passes a scenario is the caller's judgement. Never throws for anything the seller does.
 *
 * <p>V2: POST of the parameters as compact JSON (keys ascending), signed in the URL; V1: GET with the parameters,
 * {@code timeStamp} and {@code authToken} in the query. Wire timestamps are real time, as {@link SellerClient}'s.
 */
@Component
public class InterfaceDebugger {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;

    InterfaceDebugger(DeliveryProperties properties) {
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * One debug request: where, which protocol, the key that signs it, and the activity's parameters
     * ({@code activity} included; {@code testFlag=1} is added). {@code toString} never shows the key.
     */
    public record DebugRequest(String url, SellerEndpoint.InterfaceVersion version, String key,
                               Map<String, String> parameters) {
        public DebugRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(key, "key");
            parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        }

        @Override
        public String toString() {
            return "DebugRequest[url=" + url + ", version=" + version + ", key=***, parameters=" + parameters + "]";
        }
    }

    /** The request exactly as sent. {@code body} is empty for a V1 GET. */
    public record SentRequest(String method, String url, Map<String, String> headers, String body) {}

    /** The answer as received; passwords in a JSON body masked ({@code ***}), long bodies truncated. */
    public record ReceivedResponse(int status, Map<String, String> headers, String body) {}

    /** Whether the answer's {@code Body-Sign} is a MAC of its exact bytes under the key the request was signed with. */
    public enum BodySignVerdict {
        /** Present and matching. */
        VALID,
        /** No {@code Body-Sign} header. */
        MISSING,
        /** Present but computed with another key, or over other bytes. */
        INVALID,
        /** Present but not {@code sign_type="HMAC-SHA256", signature="…"}. */
        MALFORMED
    }

    /**
     * What came of one debug request. {@code transportError} is set when no HTTP answer arrived (refused connection,
     * timeout, bad URL); then {@code response} is null. {@code resultCode}, {@code resultMsg} and {@code instanceId}
     * (top-level, or the first {@code info} element's) are read from a JSON answer, null when absent.
     */
    public record DebugResult(SentRequest request, ReceivedResponse response, String transportError,
                              BodySignVerdict bodySign, String resultCode, String resultMsg, String instanceId) {}

    public DebugResult send(DebugRequest debug) {
        Map<String, String> parameters = new TreeMap<>(debug.parameters());
        parameters.put("testFlag", TestFlag.DEBUG.code());
        return debug.version() == SellerEndpoint.InterfaceVersion.V2 ? v2(debug, parameters) : v1(debug, parameters);
    }

    private DebugResult v2(DebugRequest debug, Map<String, String> parameters) {
        byte[] body = ProtocolJson.writeBytes(parameters);
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = HexFormat.of().formatHex(randomBytes(16));
        String signature = SignatureScheme.URL.sign(debug.key(), timestamp, nonce, body);
        String url = debug.url() + (debug.url().contains("?") ? "&" : "?") + SignatureScheme.URL.signatureName() + "="
                + signature + "&" + SignatureScheme.URL.timestampName() + "=" + timestamp + "&"
                + SignatureScheme.URL.nonceName() + "=" + nonce;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("Accept", "application/json");
        SentRequest sent = new SentRequest("POST", url, headers, new String(body, StandardCharsets.UTF_8));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return new DebugResult(sent, null, "the production address is not a valid URL: " + debug.url(), null,
                    null, null, null);
        }
        return exchange(debug.key(), sent, request, headers);
    }

    private DebugResult v1(DebugRequest debug, Map<String, String> parameters) {
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.put(AuthToken.TIME_STAMP, ProtocolTime.formatDateTimeMillis(Instant.now()));
        signed.put(AuthToken.PARAMETER, AuthToken.compute(debug.key(), signed));
        String url = debug.url() + (debug.url().contains("?") ? "&" : "?") + QueryString.format(signed);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        SentRequest sent = new SentRequest("GET", url, headers, "");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET();
        } catch (IllegalArgumentException e) {
            return new DebugResult(sent, null, "the production address is not a valid URL: " + debug.url(), null,
                    null, null, null);
        }
        return exchange(debug.key(), sent, request, headers);
    }

    private DebugResult exchange(String key, SentRequest sent, HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        HttpRequest request = builder.timeout(timeout).build();
        String host = request.uri().getHost() + (request.uri().getPort() < 0 ? "" : ":" + request.uri().getPort());
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            return failed(sent, "no connection to " + host + " within " + timeout.toMillis() + " ms (connect timeout)");
        } catch (HttpTimeoutException e) {
            return failed(sent, "no answer from " + host + " within " + timeout.toMillis() + " ms (timeout)");
        } catch (ConnectException e) {
            return failed(sent, "cannot connect to " + host + " (connection refused)");
        } catch (IOException e) {
            return failed(sent, "I/O error talking to " + host + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(sent, "interrupted while waiting for " + host);
        }
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !values.isEmpty()) {
                received.put(name, String.join(", ", values));
            }
        });
        ReceivedResponse answer = new ReceivedResponse(response.statusCode(), received, SellerClient.storable(bytes));
        BodySignVerdict verdict;
        try {
            BodySign.verify(key, bytes, response.headers().firstValue(BodySign.HEADER).orElse(null));
            verdict = BodySignVerdict.VALID;
        } catch (MissingSignatureException e) {
            verdict = BodySignVerdict.MISSING;
        } catch (InvalidSignatureException e) {
            verdict = BodySignVerdict.INVALID;
        } catch (ProtocolException e) {
            verdict = BodySignVerdict.MALFORMED;
        }
        String code = null;
        String message = null;
        String instanceId = null;
        try {
            JsonNode tree = ProtocolJson.mapper().readTree(bytes);
            if (tree != null && tree.isObject()) {
                code = text(tree.get("resultCode"));
                message = text(tree.get("resultMsg"));
                instanceId = text(tree.get("instanceId"));
                JsonNode info = tree.get("info");
                if (instanceId == null && info != null && info.isArray() && !info.isEmpty()) {
                    instanceId = text(info.get(0).get("instanceId"));
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // reported as an answer without resultCode
        }
        return new DebugResult(sent, answer, null, verdict, code, message, instanceId);
    }

    private static DebugResult failed(SentRequest sent, String error) {
        return new DebugResult(sent, null, error, null, null, null, null);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
