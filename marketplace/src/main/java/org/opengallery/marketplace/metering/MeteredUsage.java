package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.time.Instant;

/** An accepted usage record and what it was charged, as {@link MeteringService} lists them. */
public record MeteredUsage(
        long id,
        String sellerId,
        String meteringSn,
        String instanceId,
        String buyerId,
        String productId,
        Instant recordTime,
        Instant beginTime,
        Instant endTime,
        BigDecimal usageValue,
        BigDecimal unitPrice,
        BigDecimal amount,
        Instant acceptedAt) {
}
