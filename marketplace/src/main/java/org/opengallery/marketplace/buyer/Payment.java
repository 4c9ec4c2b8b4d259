package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;

/**
 * How orders are paid. The default debits the buyer's balance; a real gateway can implement this instead (a
 * {@code @Primary} bean). Both methods join the caller's transaction, so a payment rolls back with the order.
 */
public interface Payment {

    /**
     * Takes {@code amount} from the buyer for {@code reference} (an order id), all or nothing.
     *
     * @throws PaymentRefused when the buyer cannot pay it
     */
    void charge(long buyerId, BigDecimal amount, String reference);

    /** Gives {@code amount} back for {@code reference}; a second refund with the same reference does nothing. */
    void refund(long buyerId, BigDecimal amount, String reference);
}
