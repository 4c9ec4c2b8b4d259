package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.opengallery.marketplace.buyer.Buyers;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Rated usage charged to the buyer's balance, which moves in cents while usage is rated exactly (up to 14
 * decimals). Each record charges the whole cents its instance's running total newly crosses, so nothing is lost to
 * rounding over time and nothing is charged before it is owed. The charge id is the ledger reference, so a record
 * is never charged twice. A balance too small refuses the charge: the record is not stored and the seller's push
 * answers MKT.0999 for it, to be retried (the built-in balance has no arrears).
 */
@Component
class UsageChargesToBuyers implements UsageCharges {

    private final Buyers buyers;
    private final MeteringService metering;

    UsageChargesToBuyers(Buyers buyers, @Lazy MeteringService metering) {
        this.buyers = buyers;
        this.metering = metering;
    }

    /** Called inside the record's transaction, after the record is stored: the total includes it. */
    @Override
    public void charge(UsageCharge charge) {
        BigDecimal total = metering.chargedFor(charge.instanceId());
        BigDecimal cents = total.setScale(2, RoundingMode.DOWN)
                .subtract(total.subtract(charge.amount()).setScale(2, RoundingMode.DOWN));
        var result = buyers.chargeUsage(Long.parseLong(charge.buyerId()), cents, charge.chargeId());
        if (result == org.opengallery.marketplace.buyer.UsageCharge.INSUFFICIENT_BALANCE) {
            throw new IllegalStateException("buyer " + charge.buyerId() + " has too small a balance for usage charge "
                    + charge.chargeId());
        }
    }
}
