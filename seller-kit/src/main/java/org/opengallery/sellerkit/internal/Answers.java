package org.opengallery.sellerkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.sellerkit.KitResponse;

/**
 * Writes answers: JSON bytes once, then (when there is a key) the {@code Body-Sign} MAC over exactly those
 * bytes, which are then sent unchanged. Always HTTP 200: the protocol carries its outcome in {@code resultCode}.
 */
public final class Answers {

    /** The answer to every renewal, release, upgrade and status change that went well. */
    private static final ResultResponse SUCCESS = new ResultResponse(ResultCode.Known.SUCCESS, "success");

    private final String bodySignKey;
    private final KitResponse success;

    /** @param bodySignKey the key to sign bodies with, or null to send no {@code Body-Sign} */
    public Answers(String bodySignKey) {
        this.bodySignKey = bodySignKey;
        // Written and signed once: it is the same bytes every time.
        this.success = write(SUCCESS);
    }

    public KitResponse json(Object message) {
        if (SUCCESS.equals(message)) {
            // A copy of the bytes: the caller owns the body it gets.
            return new KitResponse(success.status(), success.headers(), success.body().clone());
        }
        return write(message);
    }

    private KitResponse write(Object message) {
        byte[] body = ProtocolJson.writeBytes(message);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        if (bodySignKey != null) {
            headers.put(BodySign.HEADER, BodySign.sign(bodySignKey, body).headerValue());
        }
        return new KitResponse(200, headers, body);
    }

    public KitResponse result(ResultCode code, String message) {
        return json(new ResultResponse(code, message));
    }

    public KitResponse success() {
        return json(ResultResponse.success());
    }

    /** A plain HTTP error for requests that are not protocol requests at all (wrong method or path). */
    public static KitResponse httpError(int status, String message) {
        return new KitResponse(status, Map.of("Content-Type", "text/plain;charset=UTF-8"),
                message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
