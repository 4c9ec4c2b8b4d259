package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 应用同步 ({@code /produceAPI/v2/applicationSync}): the OAuth client of the app for a tenant. {@code
 * clientSecret} is RSA-OAEP encrypted with the public key the seller uploaded; decrypt it before the token
 * call. {@link #toString()} hides it. Mandatory here: {@code tenantId}, {@code appId}, {@code flag}.
 */
public record ApplicationSyncRequest(
        String instanceId,
        String tenantId,
        String appId,
        String clientId,
        String clientSecret,
        SyncFlag flag,
        TestFlag testFlag,
        String timeStamp,
        @JsonAnySetter Map<String, Object> extra) implements SyncRequest {

    public ApplicationSyncRequest {
        Fields.require("tenantId", tenantId);
        Fields.require("appId", appId);
        Fields.require("flag", flag);
        extra = Fields.unknown(extra);
    }

    public ApplicationSyncRequest(String instanceId, String tenantId, String appId, String clientId,
            String clientSecret, SyncFlag flag, TestFlag testFlag, String timeStamp) {
        this(instanceId, tenantId, appId, clientId, clientSecret, flag, testFlag, timeStamp, Map.of());
    }

    @Override
    public SyncInterface syncInterface() {
        return SyncInterface.APPLICATION_SYNC;
    }

    @Override
    public String toString() {
        return "ApplicationSyncRequest[instanceId=" + instanceId + ", tenantId=" + tenantId + ", appId=" + appId
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? null : "***")
                + ", flag=" + flag + ", testFlag=" + testFlag + ", timeStamp=" + timeStamp + ", extra=" + extra + "]";
    }
}
