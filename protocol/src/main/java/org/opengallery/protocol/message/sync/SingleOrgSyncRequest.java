package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 部门增量同步 ({@code /produceAPI/v2/singleOrgSync}): one department. {@code orgCode} is unique in the
 * tenant; {@code parentCode} is empty only for the top level. Mandatory here: {@code tenantId},
 * {@code orgCode}, {@code flag}.
 */
public record SingleOrgSyncRequest(
        String instanceId,
        String tenantId,
        String orgCode,
        String orgName,
        String parentCode,
        SyncFlag flag,
        TestFlag testFlag,
        String timeStamp,
        @JsonAnySetter Map<String, Object> extra) implements SyncRequest {

    public SingleOrgSyncRequest {
        Fields.require("tenantId", tenantId);
        Fields.require("orgCode", orgCode);
        Fields.require("flag", flag);
        extra = Fields.unknown(extra);
    }

    public SingleOrgSyncRequest(String instanceId, String tenantId, String orgCode, String orgName,
            String parentCode, SyncFlag flag, TestFlag testFlag, String timeStamp) {
        this(instanceId, tenantId, orgCode, orgName, parentCode, flag, testFlag, timeStamp, Map.of());
    }

    @Override
    public SyncInterface syncInterface() {
        return SyncInterface.SINGLE_ORG_SYNC;
    }
}
