package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * One line of an order, in Query Order's terms: {@code productId} is the KooGallery productId of the price bought,
 * {@code catalogProductId} the catalog product. {@code expireTime} is the instance's expiry after this order (null
 * until paid, and for instances that do not expire); {@code effectiveFrom} when the period bought starts (a
 * renewal starts at the old expiry). {@code instanceKey} is the marketplace's instance key, null until paid.
 */
public record OrderLine(String orderLineId, String orderId, long catalogProductId, long sellerId, String skuCode,
        String productId, ChargingMode.Known chargingMode, PeriodType periodType, Integer periodNumber, boolean trial,
        BigDecimal amount, Long instanceKey, Instant effectiveFrom, Instant expireTime, BigDecimal refundedAmount,
        String previousSkuCode, String previousProductId) {}
