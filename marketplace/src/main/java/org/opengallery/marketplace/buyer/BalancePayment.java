package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** The default {@link Payment}: the buyer's marketplace balance. */
@Component
public class BalancePayment implements Payment {

    private final Buyers buyers;

    public BalancePayment(Buyers buyers) {
        this.buyers = buyers;
    }

    @Override
    public void charge(long buyerId, BigDecimal amount, String reference) {
        buyers.charge(buyerId, amount, reference);
    }

    @Override
    public void refund(long buyerId, BigDecimal amount, String reference) {
        buyers.refund(buyerId, amount, reference);
    }
}
