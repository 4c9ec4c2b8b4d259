package org.opengallery.marketplace.order;

import java.time.Instant;
import java.util.List;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.OrderType;

/** What Query Order answers: the order, its lines (or the one line asked for) and the buyer. */
public record OrderDetails(String orderId, OrderType.Known orderType, OrderStatus status, Instant createTime,
        List<OrderLine> lines, BuyerInfo buyer) {}
