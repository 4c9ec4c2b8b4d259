package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code updateInstanceStatus} (更新实例状态): freeze on expiry or violation, unfreeze after renewal. Keep the
 * data while frozen (up to 15 days). Mandatory: {@code instanceId}, {@code status}.
 */
public record UpdateInstanceStatusRequest(
        String instanceId,
        InstanceStatusChange status,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public UpdateInstanceStatusRequest {
        Fields.require("instanceId", instanceId);
        Fields.require("status", status);
        extra = Fields.unknown(extra);
    }

    public UpdateInstanceStatusRequest(String instanceId, InstanceStatusChange status, TestFlag testFlag) {
        this(instanceId, status, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.UPDATE_INSTANCE_STATUS;
    }
}
