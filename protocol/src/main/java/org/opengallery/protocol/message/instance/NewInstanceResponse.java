package org.opengallery.protocol.message.instance;

import org.opengallery.protocol.cipher.EncryptType;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The answer to newInstance (V1 and V2): {@code resultCode}, {@code resultMsg}, {@code instanceId}; V1 also
 * {@code encryptType} and {@code appInfo}. {@code 000004} means "provisioning asynchronously": the platform
 * then polls queryInstance with the returned id. E.g.
 * {@code {"resultCode":"000000","resultMsg":"success.","instanceId":"03pf80c2bae96vc49*********"}}.
 */
public record NewInstanceResponse(
        ResultCode resultCode,
        String resultMsg,
        String instanceId,
        String encryptType,
        AppInfo appInfo,
        @JsonAnySetter Map<String, Object> extra) implements Response {

    public NewInstanceResponse {
        extra = Fields.unknown(extra);
    }

    /** {@code 000000}: provisioned; the V2 form (no appInfo). */
    public static NewInstanceResponse created(String instanceId) {
        return new NewInstanceResponse(ResultCode.Known.SUCCESS, "success", instanceId, null, null, Map.of());
    }

    /** {@code 000000}: provisioned, with the V1 appInfo and the {@code encryptType} its credentials use. */
    public static NewInstanceResponse created(String instanceId, AppInfo appInfo, EncryptType encryptType) {
        return new NewInstanceResponse(ResultCode.Known.SUCCESS, "success", instanceId,
                encryptType == null ? null : encryptType.code(), appInfo, Map.of());
    }

    /** {@code 000004}: the id is reserved, provisioning continues in the background. */
    public static NewInstanceResponse inProgress(String instanceId) {
        return new NewInstanceResponse(ResultCode.Known.IN_PROGRESS, ResultCode.Known.IN_PROGRESS.english(),
                instanceId, null, null, Map.of());
    }

    /** A failure (e.g. {@code 000106} sold out) with its message; no instance. */
    public static NewInstanceResponse failed(ResultCode code, String message) {
        return new NewInstanceResponse(code, message, null, null, null, Map.of());
    }
}
