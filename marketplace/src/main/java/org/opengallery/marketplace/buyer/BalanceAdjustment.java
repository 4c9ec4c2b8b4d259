package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;
import java.time.Instant;

/** The audit record of one balance adjustment (调账) by an operator: who, by how much, before and after, why. */
public record BalanceAdjustment(long id, long buyerId, long operatorId, BigDecimal amount, BigDecimal balanceBefore,
        BigDecimal balanceAfter, String reason, Instant at) {}
