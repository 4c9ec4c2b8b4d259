package org.opengallery.marketplace.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test orders of interface debugging (应用接入调试) and the dial tests: each debug request carries a fresh
 * KooGallery-looking order id, and a seller's kit reads the order behind a newInstance or upgrade through Query
 * Order, as it does in production. So the debugger announces every test order here first, and Query Order answers
 * it, to the debugged seller only, with the same plainly fake content as the spec's {@code MOCK…} orders (monthly,
 * one line, {@code MOCKSKU}). The spec only says "use the MOCK… order ids for Query Order" (protocol-v2.md §8);
 * answering the debugger's own ids as well keeps every run's ids fresh (debug cases must be repeatable) and lets a
 * seller built on Huawei's sample, which reads the order it was sent, pass. Kept 30 days.
 */
@Service
public class DebugOrders {

    static final Duration KEPT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    DebugOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a test order before its request is sent; committed at once (its own transaction) because the seller
     * asks Query Order about it while the debug request is still in flight.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void announce(long sellerId, String orderId, OrderType.Known orderType) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM debug_order WHERE created_at < :cutoff")
                .param("cutoff", now.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO debug_order (order_id, seller_id, order_type, created_at) VALUES (:id, :seller, :type, :now)")
                .param("id", orderId).param("seller", sellerId).param("type", orderType.name())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    /** The test order with this id, if {@code sellerId} (Query Order's caller) announced it. */
    @Transactional(readOnly = true)
    Optional<OrderInfo> order(String sellerId, String orderId) {
        long seller;
        try {
            seller = Long.parseLong(sellerId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT order_type, created_at FROM debug_order WHERE order_id = :id AND seller_id = :seller")
                .param("id", orderId).param("seller", seller)
                .query((rs, n) -> MockOrders.of(orderId, OrderType.Known.valueOf(rs.getString("order_type")),
                        ChargingMode.Known.PERIOD, "month", false,
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
