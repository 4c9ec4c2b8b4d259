package org.opengallery.marketplace.buyer;

import org.opengallery.marketplace.web.ApiException;
import org.springframework.http.HttpStatus;

/** A charge the buyer cannot pay; nothing was debited. Answers 402 insufficient_balance. */
public class PaymentRefused extends ApiException {
    public PaymentRefused(String message) {
        super(HttpStatus.PAYMENT_REQUIRED, "insufficient_balance", message);
    }
}
