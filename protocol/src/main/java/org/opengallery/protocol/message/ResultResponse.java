package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The answer that is only a result: V2 refresh, status, release, upgrade, change check and order notify,
 * V1 renewal, expiry, release, upgrade and status, and every kit sync. E.g.
 * {@code {"resultCode":"000000","resultMsg":"success"}}.
 */
public record ResultResponse(ResultCode resultCode, String resultMsg, @JsonAnySetter Map<String, Object> extra)
        implements Response {

    public ResultResponse {
        extra = Fields.unknown(extra);
    }

    public ResultResponse(ResultCode resultCode, String resultMsg) {
        this(resultCode, resultMsg, Map.of());
    }

    /** {@code 000000} with message {@code success}. */
    public static ResultResponse success() {
        return of(ResultCode.Known.SUCCESS);
    }

    /** The code with its documented English text as message. */
    public static ResultResponse of(ResultCode code) {
        return new ResultResponse(code, code.english());
    }
}
