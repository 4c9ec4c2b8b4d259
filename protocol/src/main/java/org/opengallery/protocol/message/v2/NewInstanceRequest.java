package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code newInstance} (创建实例): the buyer has paid. Carries only ids; the order details come from Query
 * Order. Idempotent per {@code orderId} + {@code orderLineId}: answer the same instance id every time
 * ({@code businessId} changes on every retry). Mandatory: {@code orderId}, {@code orderLineId},
 * {@code businessId}.
 */
public record NewInstanceRequest(
        String orderId,
        String orderLineId,
        String businessId,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public NewInstanceRequest {
        Fields.require("orderId", orderId);
        Fields.require("orderLineId", orderLineId);
        Fields.require("businessId", businessId);
        extra = Fields.unknown(extra);
    }

    public NewInstanceRequest(String orderId, String orderLineId, String businessId, TestFlag testFlag) {
        this(orderId, orderLineId, businessId, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.NEW_INSTANCE;
    }
}
