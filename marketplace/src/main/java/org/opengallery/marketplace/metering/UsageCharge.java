package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rated usage record, to charge to a buyer.
 *
 * @param chargeId unique per usage record ({@code usage-<id>}); the same record is never charged under two ids
 * @param amount {@code usageValue × unitPrice}, exact (scale = the sum of theirs, never rounded)
 */
public record UsageCharge(
        String chargeId,
        String buyerId,
        String sellerId,
        String instanceId,
        String productId,
        String meteringSn,
        Instant beginTime,
        Instant endTime,
        BigDecimal usageValue,
        BigDecimal unitPrice,
        BigDecimal amount) {
}
