package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.opengallery.protocol.message.order.OrderType;

/**
 * An order (one line today, as every flow here buys one SKU). {@code amount} is what the buyer pays; for an
 * UNSUBSCRIBE order it is what the buyer gets back.
 */
public record Order(String orderId, long buyerId, OrderType.Known orderType, OrderStatus status, BigDecimal amount,
        Instant createTime, Instant payDeadline, Instant paidAt, Instant closedAt, String failure,
        List<OrderLine> lines) {

    public OrderLine line() {
        return lines.get(0);
    }
}
