package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 企业同步 ({@code /produceAPI/v2/tenantSync}): the buyer's enterprise. {@code tenantCode} routes end-user
 * login to the buyer's domain; {@code domainName} is the tenant's auth-centre address (with {@code https://}),
 * the base of the OAuth calls. Idempotent per instance + tenant. Mandatory here: {@code tenantId}, {@code
 * flag} (0 delete, 1 add, 2 modify name/domain).
 */
public record TenantSyncRequest(
        String instanceId,
        String orderId,
        String tenantId,
        String tenantCode,
        String name,
        String domainName,
        SyncFlag flag,
        TestFlag testFlag,
        String timeStamp,
        @JsonAnySetter Map<String, Object> extra) implements SyncRequest {

    public TenantSyncRequest {
        Fields.require("tenantId", tenantId);
        Fields.require("flag", flag);
        extra = Fields.unknown(extra);
    }

    public TenantSyncRequest(String instanceId, String orderId, String tenantId, String tenantCode, String name,
            String domainName, SyncFlag flag, TestFlag testFlag, String timeStamp) {
        this(instanceId, orderId, tenantId, tenantCode, name, domainName, flag, testFlag, timeStamp, Map.of());
    }

    @Override
    public SyncInterface syncInterface() {
        return SyncInterface.TENANT_SYNC;
    }
}
