package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code releaseInstance} (释放实例): delete the instance, after the freeze period or on unsubscription (then
 * {@code orderId}/{@code orderLineId} name the unsubscription order). Repeating it must succeed without
 * doing anything twice. Mandatory: {@code instanceId}.
 */
public record ReleaseInstanceRequest(
        String instanceId,
        String orderId,
        String orderLineId,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public ReleaseInstanceRequest {
        Fields.require("instanceId", instanceId);
        extra = Fields.unknown(extra);
    }

    public ReleaseInstanceRequest(String instanceId, String orderId, String orderLineId, TestFlag testFlag) {
        this(instanceId, orderId, orderLineId, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.RELEASE_INSTANCE;
    }
}
