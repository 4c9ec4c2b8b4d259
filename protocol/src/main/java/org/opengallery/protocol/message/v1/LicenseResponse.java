package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.internal.Fields;

/** The answer to {@code getLicense}: {@code resultCode}, {@code resultMsg} and the {@code license} code. */
public record LicenseResponse(
        ResultCode resultCode,
        String resultMsg,
        String license,
        @JsonAnySetter Map<String, Object> extra) implements Response {

    public LicenseResponse {
        extra = Fields.unknown(extra);
    }

    /** {@code 000000} with the licence code. */
    public static LicenseResponse issued(String license) {
        return new LicenseResponse(ResultCode.Known.SUCCESS, "success", license, Map.of());
    }

    /** A failure with its message; no licence. */
    public static LicenseResponse failed(ResultCode code, String message) {
        return new LicenseResponse(code, message, null, Map.of());
    }
}
