package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code upgradeInstance} (实例升级): a paid upgrade or scale-out; read the new spec from Query Order with the
 * new {@code orderId}. The instance id stays the same. Mandatory: {@code instanceId}, {@code orderId},
 * {@code orderLineId}.
 */
public record UpgradeInstanceRequest(
        String instanceId,
        String orderId,
        String orderLineId,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public UpgradeInstanceRequest {
        Fields.require("instanceId", instanceId);
        Fields.require("orderId", orderId);
        Fields.require("orderLineId", orderLineId);
        extra = Fields.unknown(extra);
    }

    public UpgradeInstanceRequest(String instanceId, String orderId, String orderLineId, TestFlag testFlag) {
        this(instanceId, orderId, orderLineId, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.UPGRADE_INSTANCE;
    }
}
