package org.opengallery.sellerkit;

import java.time.Instant;
import java.util.Map;
import org.opengallery.protocol.message.order.OrderInfo;

/**
 * A paid order to provision, with everything the seller needs: for V2 the kit has already read the order
 * through Query Order ({@link #order()}); for V1 the details came in the request ({@link #v1Parameters()}).
 *
 * @param instanceId   the id the kit answers the platform with; use it as the instance's key so that a resumed
 *                     provisioning (after a crash) finds its own half-done work
 * @param orderId      the order
 * @param orderLineId  its line (V2); null for V1
 * @param businessId   the platform's id of this delivery attempt
 * @param productId    the product (one per period type)
 * @param skuCode      the SKU, stable across period types
 * @param chargingMode {@code PERIOD}, {@code ONE_TIME}, {@code ON_DEMAND}, {@code ON_DEMAND_PKG} (V2) or the V1 code
 * @param periodType   {@code month}/{@code year} for periodic orders
 * @param periodNumber how many periods
 * @param expireTime   when it expires; null for one-time and pay-per-use
 * @param trial        a trial order
 * @param buyer        who bought
 * @param extendParams extra name/value parameters of the order
 * @param debug        a debug request of the seller console ({@code testFlag=1})
 * @param order        the Query Order answer (V2), or null
 * @param v1Parameters the decoded V1 request parameters, or an empty map
 */
public record NewInstance(
        String instanceId,
        String orderId,
        String orderLineId,
        String businessId,
        String productId,
        String skuCode,
        String chargingMode,
        String periodType,
        Integer periodNumber,
        Instant expireTime,
        boolean trial,
        Buyer buyer,
        Map<String, String> extendParams,
        boolean debug,
        OrderInfo order,
        Map<String, String> v1Parameters) {

    public NewInstance {
        extendParams = extendParams == null ? Map.of() : Map.copyOf(extendParams);
        v1Parameters = v1Parameters == null ? Map.of() : Map.copyOf(v1Parameters);
    }

    /** Pay-per-use (按需) orders are keyed by order and product rather than order line. */
    public boolean payPerUse() {
        return "ON_DEMAND".equals(chargingMode) || "ON_DEMAND_PKG".equals(chargingMode) || "3".equals(chargingMode);
    }

    @Override
    public String toString() {
        return "NewInstance[" + instanceId + ", order " + orderId + (orderLineId == null ? "" : "/" + orderLineId)
                + ", product " + productId + ", sku " + skuCode + ", " + chargingMode + (trial ? ", trial" : "")
                + (debug ? ", debug" : "") + "]";
    }
}
