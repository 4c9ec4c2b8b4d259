package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement of a buyer's money: {@code kind} TOP_UP, CHARGE, REFUND, USAGE or ADJUST; {@code amount} is what
 * moved (positive; for ADJUST signed: negative when the operator took money off).
 */
public record LedgerEntry(long id, String kind, BigDecimal amount, String reference, Instant at) {

    /** Whether the balance went up with this movement. */
    public boolean credit() {
        return switch (kind) {
            case "CHARGE", "USAGE" -> false;
            case "ADJUST" -> amount.signum() > 0;
            default -> true;
        };
    }
}
