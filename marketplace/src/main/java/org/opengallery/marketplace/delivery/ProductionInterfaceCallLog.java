package org.opengallery.marketplace.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The production-interface calls as the consoles read them: an order's calls on its detail page, the seller's
 * count of failing calls for the overview's to-dos, and the operator's search over every call. Read-only; 重新启动
 * stays with {@link ProductionInterfaceMessages#restart}. A seller's queries always carry the seller id, so another
 * seller's call is never among them.
 */
@Service
public class ProductionInterfaceCallLog {

    /** A call with the seller it was made for (the operator's lists show whose call it is). */
    public record InterfaceCall(long sellerId, ProductionInterfaceMessage message) {}

    /** What the operator's call list filters by; null matches all, an empty {@code sellerIds} matches nothing. */
    public record CallFilter(String orderId, Set<Long> sellerIds, CallStatus status, Activity activity) {
        public static final CallFilter ALL = new CallFilter(null, null, null, null);

        public CallFilter {
            orderId = orderId == null || orderId.isBlank() ? null : orderId.strip();
            sellerIds = sellerIds == null ? null : Set.copyOf(sellerIds);
        }
    }

    /** One page of the operator's list; {@code page} counts from 1. */
    public record CallPage(List<InterfaceCall> calls, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    /** A failing call: waiting for its retry, given up, or being retried with its last failure kept. */
    private static final String FAILING = "(status IN ('FAILED', 'GAVE_UP') OR (status = 'RUNNING' AND last_error IS NOT NULL))";

    private final JdbcTemplate jdbc;

    ProductionInterfaceCallLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The seller's calls for one order, oldest first (the order's history as the seller's interface saw it). */
    @Transactional(readOnly = true)
    public List<ProductionInterfaceMessage> ofOrder(long sellerId, String orderId) {
        return jdbc.query("SELECT " + CallRepository.COLUMNS + " FROM delivery_call WHERE order_id = ? AND seller_id = ? "
                + "ORDER BY id", CallRepository.ROW, orderId, sellerId).stream().map(ProductionInterfaceMessage::of).toList();
    }

    /** Every call for one order, whoever's (the operator's order detail). */
    @Transactional(readOnly = true)
    public List<InterfaceCall> ofOrder(String orderId) {
        return jdbc.query("SELECT " + CallRepository.COLUMNS + " FROM delivery_call WHERE order_id = ? ORDER BY id",
                CallRepository.ROW, orderId).stream().map(ProductionInterfaceCallLog::call).toList();
    }

    /** How many of the seller's calls are failing: 生产接口消息 lists exactly these. */
    public long failingCount(long sellerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call WHERE seller_id = ? AND " + FAILING, Long.class,
                sellerId);
    }

    /** How many calls of all sellers are failing (the operator overview). */
    public long failingCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call WHERE " + FAILING, Long.class);
    }

    /** One call, whoever's (the operator's call detail). */
    @Transactional(readOnly = true)
    public Optional<InterfaceCall> call(long callId) {
        return jdbc.query("SELECT " + CallRepository.COLUMNS + " FROM delivery_call WHERE id = ?", CallRepository.ROW,
                callId).stream().findFirst().map(ProductionInterfaceCallLog::call);
    }

    /** The operator's search over every call, newest first. */
    @Transactional(readOnly = true)
    public CallPage search(CallFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.orderId() != null) {
            where.append(" AND UPPER(order_id) LIKE ?");
            args.add("%" + filter.orderId().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (filter.sellerIds() != null) {
            if (filter.sellerIds().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND seller_id IN (").append("?,".repeat(filter.sellerIds().size() - 1)).append("?)");
                args.addAll(filter.sellerIds());
            }
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.activity() != null) {
            where.append(" AND activity = ?");
            args.add(filter.activity().name());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call" + where, Long.class, args.toArray());
        int pageSize = Math.max(1, Math.min(size, 100));
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.max(1, Math.min(page, pages));
        List<Object> paged = new ArrayList<>(args);
        paged.add(pageSize);
        paged.add((current - 1) * pageSize);
        List<InterfaceCall> found = jdbc.query("SELECT " + CallRepository.COLUMNS + " FROM delivery_call" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", CallRepository.ROW, paged.toArray()).stream()
                .map(ProductionInterfaceCallLog::call).toList();
        return new CallPage(found, current, pageSize, total);
    }

    private static InterfaceCall call(CallRow row) {
        return new InterfaceCall(row.sellerId(), ProductionInterfaceMessage.of(row));
    }
}
