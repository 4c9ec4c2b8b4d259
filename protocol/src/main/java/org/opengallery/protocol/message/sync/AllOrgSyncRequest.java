package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.EmbeddedJson;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 部门全量同步 ({@code /produceAPI/v2/allOrgSync}): the whole department tree. The table says {@code
 * orgInfoList} is an array, the page's example sends it as a JSON string holding the array: both are read,
 * an array is written. The table has no {@code flag}, the example sends {@code 1}: optional here. Mandatory
 * here: {@code tenantId}, {@code orgInfoList}.
 */
public record AllOrgSyncRequest(
        String instanceId,
        String tenantId,
        @JsonDeserialize(using = EmbeddedJson.class) List<OrgInfo> orgInfoList,
        SyncFlag flag,
        TestFlag testFlag,
        String timeStamp,
        @JsonAnySetter Map<String, Object> extra) implements SyncRequest {

    public AllOrgSyncRequest {
        Fields.require("tenantId", tenantId);
        orgInfoList = Fields.list(Fields.require("orgInfoList", orgInfoList));
        extra = Fields.unknown(extra);
    }

    public AllOrgSyncRequest(String instanceId, String tenantId, List<OrgInfo> orgInfoList, SyncFlag flag,
            TestFlag testFlag, String timeStamp) {
        this(instanceId, tenantId, orgInfoList, flag, testFlag, timeStamp, Map.of());
    }

    @Override
    public SyncInterface syncInterface() {
        return SyncInterface.ALL_ORG_SYNC;
    }
}
