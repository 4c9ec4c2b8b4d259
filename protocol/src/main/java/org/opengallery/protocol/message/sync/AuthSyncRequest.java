package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 用户授权同步 ({@code /produceAPI/v2/authSync}): users an enterprise admin authorised ({@code flag} 1 add,
 * 2 modify) or removed (0 delete, 3 cancel authorisation). Idempotent per instance + tenant + app +
 * userName. Mandatory here: {@code tenantId}, {@code appId}, {@code userList}, {@code flag}.
 */
public record AuthSyncRequest(
        String instanceId,
        String tenantId,
        String appId,
        List<SyncUser> userList,
        String currentSyncTime,
        SyncFlag flag,
        TestFlag testFlag,
        String timeStamp,
        @JsonAnySetter Map<String, Object> extra) implements SyncRequest {

    public AuthSyncRequest {
        Fields.require("tenantId", tenantId);
        Fields.require("appId", appId);
        userList = Fields.list(Fields.require("userList", userList));
        Fields.require("flag", flag);
        extra = Fields.unknown(extra);
    }

    public AuthSyncRequest(String instanceId, String tenantId, String appId, List<SyncUser> userList,
            String currentSyncTime, SyncFlag flag, TestFlag testFlag, String timeStamp) {
        this(instanceId, tenantId, appId, userList, currentSyncTime, flag, testFlag, timeStamp, Map.of());
    }

    @Override
    public SyncInterface syncInterface() {
        return SyncInterface.AUTH_SYNC;
    }
}
