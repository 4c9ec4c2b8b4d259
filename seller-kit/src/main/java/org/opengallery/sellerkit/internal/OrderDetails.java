package org.opengallery.sellerkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.ExtendParam;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.sellerkit.Buyer;
import org.opengallery.sellerkit.NewInstance;

/** Reads the seller's view of a V2 order out of a Query Order answer. */
final class OrderDetails {

    private OrderDetails() {
    }

    /** The line with this id, or the first line when the answer does not name it. */
    static Optional<OrderLine> line(OrderInfo order, String orderLineId) {
        if (order == null || order.orderLine() == null || order.orderLine().isEmpty()) {
            return Optional.empty();
        }
        return order.orderLine().stream().filter(l -> orderLineId != null && orderLineId.equals(l.orderLineId()))
                .findFirst().or(() -> Optional.of(order.orderLine().get(0)));
    }

    static Optional<ProductInfo> product(Optional<OrderLine> line) {
        return line.map(OrderLine::productInfo).filter(p -> p != null && !p.isEmpty()).map(p -> p.get(0));
    }

    static NewInstance newInstance(String instanceId, String orderId, String orderLineId, String businessId,
                                   boolean debug, OrderInfo order) {
        Optional<OrderLine> line = line(order, orderLineId);
        Optional<ProductInfo> product = product(line);
        BuyerInfo b = order == null ? null : order.buyerInfo();
        Buyer buyer = b == null ? null
                : new Buyer(b.customerId(), b.customerName(), b.userId(), b.userName(), b.mobilePhone(), b.email());
        Map<String, String> extend = new LinkedHashMap<>();
        List<ExtendParam> params = order == null ? null : order.extendParams();
        if (params != null) {
            params.forEach(p -> extend.put(p.name(), p.value() == null ? null : p.value().isTextual() ? p.value().asText() : p.value().toString()));
        }
        return new NewInstance(instanceId, orderId, orderLineId, businessId,
                product.map(ProductInfo::productId).orElse(null),
                product.map(ProductInfo::skuCode).orElse(null),
                line.map(l -> l.chargingMode() == null ? null : l.chargingMode().code()).orElse(null),
                line.map(OrderLine::periodType).orElse(null),
                line.map(OrderLine::periodNumber).orElse(null),
                line.flatMap(OrderLine::expiry).orElse(null),
                line.map(l -> "1".equals(l.trialFlag())).orElse(false)
                        || (order != null && order.orderType() != null && "TRIAL".equals(order.orderType().code())),
                buyer, extend, debug, order, Map.of());
    }
}
