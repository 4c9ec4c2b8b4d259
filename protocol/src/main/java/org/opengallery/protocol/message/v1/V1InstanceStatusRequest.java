package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 {@code instanceStatus} (资源状态变更): freeze or unfreeze a pay-per-use instance. {@code instanceStatus}'s
 * value set is unconfirmed: {@code FREEZE}/{@code UNFREEZE} and {@code FROZEN}/{@code NORMAL} are read (see
 * {@link InstanceStatusChange#of(String)}). Mandatory: {@code instanceId}, {@code instanceStatus}.
 */
public record V1InstanceStatusRequest(
        String instanceId,
        InstanceStatusChange instanceStatus,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1InstanceStatusRequest {
        Fields.require("instanceId", instanceId);
        Fields.require("instanceStatus", instanceStatus);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1InstanceStatusRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1InstanceStatusRequest.class);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.INSTANCE_STATUS;
    }
}
