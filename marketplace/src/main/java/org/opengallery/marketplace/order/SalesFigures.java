package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * 总览's last-12-months figures (platform.md §0): 支付成功订单数 and 交易金额, per calendar month (Beijing time), oldest
 * first, the current month last. A paid order counts in the month it was paid; unsubscriptions are not sales, and
 * an order that failed (unsubscribed and refunded in full) is not a successful one. The amount is net of refunds.
 */
public record SalesFigures(List<Month> months) {

    public record Month(YearMonth month, long paidOrders, BigDecimal amount) {

        /** This month's amount as a whole percentage of {@code max} (the bar the overview draws), 0 when max is 0. */
        public int percentOf(BigDecimal max) {
            if (max == null || max.signum() <= 0 || amount.signum() <= 0) {
                return 0;
            }
            return amount.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    public long paidOrders() {
        return months.stream().mapToLong(Month::paidOrders).sum();
    }

    public BigDecimal amount() {
        return months.stream().map(Month::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
