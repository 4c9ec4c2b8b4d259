package org.opengallery.marketplace.order;

import java.time.Instant;
import java.util.Set;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;

/**
 * What the consoles' order lists filter by (platform.md §4.3: 订单号, 客户名称 / 用户名, 商品名称, 创建时间, 订单状态, and
 * the buyer side's 订单类型 and 计费模式). A null criterion matches every order. {@code orderId} matches a part of the
 * order id; {@code buyerIds} / {@code sellerIds} are what a name search resolved to (an empty set matches nothing);
 * {@code createdFrom} is inclusive, {@code createdBefore} exclusive.
 */
public record OrderFilter(String orderId, OrderType.Known type, ChargingMode.Known chargingMode, OrderStatus status,
        Long catalogProductId, Set<Long> buyerIds, Set<Long> sellerIds, Instant createdFrom, Instant createdBefore) {

    public static final OrderFilter ALL = new OrderFilter(null, null, null, null, null, null, null, null, null);

    public OrderFilter {
        orderId = orderId == null || orderId.isBlank() ? null : orderId.strip();
        buyerIds = buyerIds == null ? null : Set.copyOf(buyerIds);
        sellerIds = sellerIds == null ? null : Set.copyOf(sellerIds);
    }
}
