package org.opengallery.marketplace.openapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;

/**
 * An order as Query Order answers it.
 *
 * @param orderId the order id ({@code orderId})
 * @param sellerId the seller whose product was ordered; only that seller's AK may read the order
 * @param orderType {@code NEW}, {@code TRIAL}, {@code TRIAL_TO_FORMAL}, {@code UNSUBSCRIBE}, {@code RENEW},
 *     {@code CHANGE}
 * @param createdAt when the order was placed (not when it takes effect)
 * @param buyer the buyer; null to leave {@code buyerInfo} out
 * @param lines the order lines, at least one
 */
public record OrderRecord(String orderId, String sellerId, OrderType orderType, Instant createdAt, Buyer buyer,
        List<Line> lines) {

    public OrderRecord {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
    }

    /**
     * One order line. Only {@code orderLineId}, {@code chargingMode} and {@code expiresAt} are documented; the other
     * fields are the spec's unconfirmed hints and may be null.
     *
     * @param expiresAt when what the line bought expires; null for one-time and pay-per-use lines
     * @param periodType {@code year}, {@code month}, {@code day} …; null if not periodic
     * @param amount what the buyer paid for the line
     * @param trial whether the line is a trial ({@code trialFlag} 1)
     * @param products the products and SKUs of the line
     */
    public record Line(String orderLineId, ChargingMode chargingMode, Instant expiresAt, String periodType,
            Integer periodNumber, BigDecimal amount, boolean trial, List<Product> products) {

        public Line {
            Objects.requireNonNull(orderLineId, "orderLineId");
            Objects.requireNonNull(chargingMode, "chargingMode");
            products = List.copyOf(products);
        }
    }

    /** A product of a line: {@code productId}, {@code skuCode}, {@code linearValue} (null when not linear). */
    public record Product(String productId, String skuCode, BigDecimal linearValue) {
    }

    /** The buyer ({@code buyerInfo}); each field may be null. */
    public record Buyer(String customerId, String customerName, String userId, String userName, String mobilePhone,
            String email) {

        @Override
        public String toString() {
            return "Buyer[customerId=" + customerId + ", userId=" + userId + "]";
        }
    }
}
