package org.opengallery.sellerkit;

import java.util.Map;
import org.opengallery.protocol.message.order.OrderInfo;

/**
 * A paid upgrade or scale-out; the instance keeps its id. For V2 the kit has read the upgrade order (the new
 * spec) through Query Order; V1 passes the new spec in the request.
 */
public record InstanceUpgrade(String instanceId, String orderId, String orderLineId, String productId, String skuCode,
                              boolean debug, OrderInfo order, Map<String, String> v1Parameters) {

    public InstanceUpgrade {
        v1Parameters = v1Parameters == null ? Map.of() : Map.copyOf(v1Parameters);
    }
}
