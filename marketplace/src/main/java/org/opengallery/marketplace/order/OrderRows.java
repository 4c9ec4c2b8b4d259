package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The order capability's tables, customer_order and order_line; nothing outside this package reads them. */
@Component
class OrderRows {

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order o) {
        jdbc.sql("""
                INSERT INTO customer_order (id, buyer_id, order_type, status, amount, created_at, pay_deadline, paid_at)
                VALUES (:id, :buyer, :type, :status, :amount, :created, :deadline, :paid)""")
                .param("id", o.orderId()).param("buyer", o.buyerId()).param("type", o.orderType().name())
                .param("status", o.status().name()).param("amount", o.amount()).param("created", at(o.createTime()))
                .param("deadline", at(o.payDeadline())).param("paid", at(o.paidAt()))
                .update();
        for (OrderLine l : o.lines()) {
            jdbc.sql("""
                    INSERT INTO order_line (id, order_id, catalog_product_id, seller_id, sku_code, kg_product_id,
                        charging_mode, period_type, period_number, trial, amount, instance_key, previous_sku_code,
                        previous_kg_product_id, effective_from, expire_time, refunded_amount)
                    VALUES (:id, :order, :product, :seller, :sku, :kgProduct, :mode, :period, :number, :trial, :amount,
                        :instance, :previousSku, :previousKgProduct, :from, :expire, 0)""")
                    .param("id", l.orderLineId()).param("order", o.orderId()).param("product", l.catalogProductId())
                    .param("seller", l.sellerId()).param("sku", l.skuCode()).param("kgProduct", l.productId())
                    .param("mode", l.chargingMode().name())
                    .param("period", l.periodType() == null ? null : l.periodType().code())
                    .param("number", l.periodNumber()).param("trial", l.trial()).param("amount", l.amount())
                    .param("instance", l.instanceKey()).param("previousSku", l.previousSkuCode())
                    .param("previousKgProduct", l.previousProductId()).param("from", at(l.effectiveFrom()))
                    .param("expire", at(l.expireTime()))
                    .update();
        }
    }

    Optional<Order> find(String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        // The order and its lines in one statement (found after every payment and every completed delivery).
        return withLines(jdbc.sql("SELECT " + LIST_COLUMNS + " FROM customer_order o JOIN order_line l"
                        + " ON l.order_id = o.id WHERE o.id = :id ORDER BY l.id").param("id", orderId)
                .query((rs, n) -> listed(rs)).list());
    }

    /** One order from the rows of a join with its lines (each row the order with one line). */
    private static Optional<Order> withLines(List<Order> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Order first = rows.get(0);
        return Optional.of(rows.size() == 1 ? first : new Order(first.orderId(), first.buyerId(), first.orderType(),
                first.status(), first.amount(), first.createTime(), first.payDeadline(), first.paidAt(),
                first.closedAt(), first.failure(), rows.stream().map(Order::line).toList()));
    }

    /**
     * Locks the order row for the rest of the transaction, so concurrent pay / cancel / outcome serialize. Read with
     * its lines in one statement (one round trip less per payment), which locks the lines too: no flow holds a line
     * and then waits for its order (refunds of an unsubscription write paid lines without locking their orders, and
     * lock nothing of theirs after), so this adds no wait cycle.
     */
    Optional<Order> lock(String orderId) {
        return withLines(jdbc.sql("SELECT " + LIST_COLUMNS + " FROM customer_order o JOIN order_line l"
                + " ON l.order_id = o.id WHERE o.id = :id ORDER BY l.id FOR UPDATE").param("id", orderId)
                .query((rs, n) -> listed(rs)).list());
    }

    /** Moves the order from one status to another; false when it was not in {@code from} (someone else moved it). */
    boolean move(String orderId, OrderStatus from, OrderStatus to, Instant now, String failure) {
        String stamp = switch (to) {
            case PROCESSING -> "paid_at";
            default -> "closed_at";
        };
        var update = jdbc.sql("UPDATE customer_order SET status = :to, " + stamp + " = :now"
                        + (failure == null ? "" : ", failure = :failure") + " WHERE id = :id AND status = :from")
                .param("to", to.name()).param("now", at(now)).param("id", orderId).param("from", from.name());
        if (failure != null) {
            update = update.param("failure", failure.length() > 1000 ? failure.substring(0, 1000) : failure);
        }
        return update.update() == 1;
    }

    void paidLine(String lineId, Long instanceKey, Instant effectiveFrom, Instant expireTime) {
        jdbc.sql("""
                UPDATE order_line SET instance_key = :instance, effective_from = :from, expire_time = :expire
                WHERE id = :id""")
                .param("instance", instanceKey).param("from", at(effectiveFrom)).param("expire", at(expireTime))
                .param("id", lineId).update();
    }

    void refunded(String lineId, BigDecimal amount) {
        jdbc.sql("UPDATE order_line SET refunded_amount = refunded_amount + :amount WHERE id = :id")
                .param("amount", amount).param("id", lineId).update();
    }

    /** The paid lines that bought time or a spec on this instance and have not been refunded. */
    List<PaidLine> paidLinesOf(long instanceKey) {
        return jdbc.sql("""
                SELECT l.*, o.paid_at, o.buyer_id, o.order_type FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE l.instance_key = :instance AND o.status IN ('PROCESSING', 'COMPLETED')
                  AND o.order_type IN ('NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'RENEW', 'CHANGE')
                  AND l.refunded_amount = 0
                ORDER BY l.id""")
                .param("instance", instanceKey)
                .query((rs, n) -> new PaidLine(line(rs), instant(rs, "paid_at"), OrderType.Known.valueOf(rs.getString("order_type"))))
                .list();
    }

    boolean triedBefore(long buyerId, String skuCode) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE o.buyer_id = :buyer AND l.sku_code = :sku AND l.trial = TRUE
                  AND o.status IN ('PENDING_PAYMENT', 'PROCESSING', 'COMPLETED')""")
                .param("buyer", buyerId).param("sku", skuCode).query(Long.class).single() > 0;
    }

    List<Order> ofBuyer(long buyerId) {
        return jdbc.sql("SELECT * FROM customer_order WHERE buyer_id = :buyer ORDER BY created_at DESC, id")
                .param("buyer", buyerId).query((rs, n) -> order(rs)).list();
    }

    int cancelUnpaid(Instant now) {
        return jdbc.sql("""
                UPDATE customer_order SET status = 'CANCELLED', closed_at = :now,
                    failure = 'not paid before the payment deadline'
                WHERE status = 'PENDING_PAYMENT' AND pay_deadline <= :now""")
                .param("now", at(now)).update();
    }

    // ---- the consoles' lists (seller center, operator console) -------------------------------------------------

    /** The columns of one list row: the line with its order's columns (each row is one order line). */
    private static final String LIST_COLUMNS = "l.*, o.buyer_id, o.order_type, o.status, o.amount AS order_amount, "
            + "o.created_at, o.pay_deadline, o.paid_at, o.closed_at, o.failure";

    /**
     * The order lines matching the filter (of one seller when {@code sellerId} is given), newest first; each comes
     * back as an order with that one line, so a seller never sees another seller's line of the same order.
     * Pay-per-use (ON_DEMAND) lines are left out when {@code withoutPayPerUse}: KooGallery lists them in the bills,
     * not as orders (platform.md §4.3).
     */
    List<Order> search(Long sellerId, OrderFilter filter, boolean withoutPayPerUse, int offset, int limit) {
        var where = where(sellerId, filter, withoutPayPerUse);
        var sql = jdbc.sql("SELECT " + LIST_COLUMNS + " FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                + where.sql() + " ORDER BY o.created_at DESC, o.id DESC, l.id LIMIT :limit OFFSET :offset");
        for (var p : where.params().entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        return sql.param("limit", limit).param("offset", offset).query((rs, n) -> listed(rs)).list();
    }

    long count(Long sellerId, OrderFilter filter, boolean withoutPayPerUse) {
        var where = where(sellerId, filter, withoutPayPerUse);
        var sql = jdbc.sql("SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id" + where.sql());
        for (var p : where.params().entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        return sql.query(Long.class).single();
    }

    /** The catalog products this seller has order lines for (the product filter's choices). */
    List<Long> productsOrderedFrom(long sellerId) {
        return jdbc.sql("SELECT DISTINCT catalog_product_id FROM order_line WHERE seller_id = :seller ORDER BY 1")
                .param("seller", sellerId).query(Long.class).list();
    }

    /** Paid, not failed, not unsubscription lines of the seller paid in [from, to): paid time and net amount. */
    List<PaidSale> sales(long sellerId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT o.paid_at, l.amount - l.refunded_amount AS net FROM order_line l
                JOIN customer_order o ON o.id = l.order_id
                WHERE l.seller_id = :seller AND o.paid_at >= :from AND o.paid_at < :to
                  AND o.status IN ('PROCESSING', 'COMPLETED') AND o.order_type <> 'UNSUBSCRIBE'""")
                .param("seller", sellerId).param("from", at(from)).param("to", at(to))
                .query((rs, n) -> new PaidSale(instant(rs, "paid_at"), rs.getBigDecimal("net"))).list();
    }

    record PaidSale(Instant paidAt, BigDecimal amount) {}

    private record Where(String sql, java.util.Map<String, Object> params) {}

    private static Where where(Long sellerId, OrderFilter f, boolean withoutPayPerUse) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (sellerId != null) {
            sql.append(" AND l.seller_id = :seller");
            params.put("seller", sellerId);
        }
        if (withoutPayPerUse) {
            sql.append(" AND l.charging_mode <> 'ON_DEMAND'");
        }
        if (f.orderId() != null) {
            sql.append(" AND UPPER(o.id) LIKE :orderId");
            params.put("orderId", "%" + f.orderId().toUpperCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (f.type() != null) {
            sql.append(" AND o.order_type = :type");
            params.put("type", f.type().name());
        }
        if (f.chargingMode() != null) {
            sql.append(" AND l.charging_mode = :mode");
            params.put("mode", f.chargingMode().name());
        }
        if (f.status() != null) {
            sql.append(" AND o.status = :status");
            params.put("status", f.status().name());
        }
        if (f.catalogProductId() != null) {
            sql.append(" AND l.catalog_product_id = :product");
            params.put("product", f.catalogProductId());
        }
        if (f.buyerIds() != null) {
            // an empty set (a name nobody has) matches nothing; -1 is never an id
            sql.append(" AND o.buyer_id IN (:buyers)");
            params.put("buyers", f.buyerIds().isEmpty() ? List.of(-1L) : List.copyOf(f.buyerIds()));
        }
        if (f.sellerIds() != null) {
            sql.append(" AND l.seller_id IN (:sellers)");
            params.put("sellers", f.sellerIds().isEmpty() ? List.of(-1L) : List.copyOf(f.sellerIds()));
        }
        if (f.createdFrom() != null) {
            sql.append(" AND o.created_at >= :from");
            params.put("from", at(f.createdFrom()));
        }
        if (f.createdBefore() != null) {
            sql.append(" AND o.created_at < :before");
            params.put("before", at(f.createdBefore()));
        }
        return new Where(sql.toString(), params);
    }

    private static Order listed(ResultSet rs) throws SQLException {
        OrderLine line = line(rs);
        return new Order(line.orderId(), rs.getLong("buyer_id"), OrderType.Known.valueOf(rs.getString("order_type")),
                OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("order_amount"), instant(rs, "created_at"),
                instant(rs, "pay_deadline"), instant(rs, "paid_at"), instant(rs, "closed_at"), rs.getString("failure"),
                List.of(line));
    }

    record PaidLine(OrderLine line, Instant paidAt, OrderType.Known orderType) {}

    private Order order(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<OrderLine> lines = jdbc.sql("SELECT * FROM order_line WHERE order_id = :id ORDER BY id").param("id", id)
                .query((r, n) -> line(r)).list();
        return new Order(id, rs.getLong("buyer_id"), OrderType.Known.valueOf(rs.getString("order_type")),
                OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount"), instant(rs, "created_at"),
                instant(rs, "pay_deadline"), instant(rs, "paid_at"), instant(rs, "closed_at"), rs.getString("failure"),
                lines);
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getString("id"), rs.getString("order_id"), rs.getLong("catalog_product_id"),
                rs.getLong("seller_id"), rs.getString("sku_code"), rs.getString("kg_product_id"),
                ChargingMode.Known.valueOf(rs.getString("charging_mode")), PeriodType.ofNullable(rs.getString("period_type")),
                rs.getObject("period_number", Integer.class), rs.getBoolean("trial"), rs.getBigDecimal("amount"),
                rs.getObject("instance_key", Long.class), instant(rs, "effective_from"), instant(rs, "expire_time"),
                rs.getBigDecimal("refunded_amount"), rs.getString("previous_sku_code"),
                rs.getString("previous_kg_product_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
