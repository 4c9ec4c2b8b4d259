package org.opengallery.protocol.message.instance;

import org.opengallery.protocol.cipher.EncryptType;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The answer to queryInstance (V1 and V2): {@code resultCode}, {@code resultMsg}, {@code info} (one {@link
 * InstanceInfo} per instance), and V1's {@code encryptType}. The platform polls it after a {@code 000004}
 * create until the instance appears.
 */
public record QueryInstanceResponse(
        ResultCode resultCode,
        String resultMsg,
        String encryptType,
        List<InstanceInfo> info,
        @JsonAnySetter Map<String, Object> extra) implements Response {

    public QueryInstanceResponse {
        info = Fields.list(info);
        extra = Fields.unknown(extra);
    }

    /** {@code 000000} with these instances (V2 form, no encryptType). */
    public static QueryInstanceResponse of(List<InstanceInfo> info) {
        return new QueryInstanceResponse(ResultCode.Known.SUCCESS, "success", null, info, Map.of());
    }

    /** {@code 000000} with these instances, whose credentials are encrypted with {@code encryptType} (V1). */
    public static QueryInstanceResponse of(List<InstanceInfo> info, EncryptType encryptType) {
        return new QueryInstanceResponse(ResultCode.Known.SUCCESS, "success", encryptType.code(), info, Map.of());
    }

    /** A failure, e.g. {@code 000003} or {@code 000004} while provisioning continues. */
    public static QueryInstanceResponse failed(ResultCode code, String message) {
        return new QueryInstanceResponse(code, message, null, null, Map.of());
    }
}
