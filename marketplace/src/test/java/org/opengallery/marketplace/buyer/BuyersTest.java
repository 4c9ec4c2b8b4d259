package org.opengallery.marketplace.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;

class BuyersTest extends DomainTest {

    @Autowired Payment payment;

    @Test
    void chargeNeverTakesTheBalanceBelowZero() {
        long buyer = buyer("50");
        assertThatThrownBy(() -> payment.charge(buyer, new BigDecimal("50.01"), unique("order:")))
                .isInstanceOf(PaymentRefused.class).hasMessageContaining("50.01");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("50");
        payment.charge(buyer, new BigDecimal("50.00"), unique("order:"));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("0");
    }

    @Test
    void concurrentChargesNeverOverdraw() throws Exception {
        long buyer = buyer("100");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String reference = unique("order:");
            Callable<Boolean> charge = () -> {
                start.await();
                try {
                    payment.charge(buyer, new BigDecimal("30"), reference);
                    return true;
                } catch (PaymentRefused refused) {
                    return false;
                }
            };
            results.add(pool.submit(charge));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> f : results) {
            succeeded += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(3);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("10");
    }

    @Test
    void aRefundIsBookedOncePerReference() {
        long buyer = buyer("0");
        String reference = unique("refund:");
        payment.refund(buyer, new BigDecimal("25"), reference);
        payment.refund(buyer, new BigDecimal("25"), reference);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("25");
    }

    @Test
    void theSameOrderIsNeverChargedTwice() {
        long buyer = buyer("100");
        String reference = unique("order:");
        payment.charge(buyer, new BigDecimal("10"), reference);
        assertThatThrownBy(() -> payment.charge(buyer, new BigDecimal("10"), reference)).isInstanceOf(ApiException.class)
                .hasMessageContaining("already charged");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("90");
    }

    @Test
    void usageChargesAreAllOrNothingAndOncePerReference() {
        long buyer = buyer("10");
        String reference = unique("usage:");
        assertThat(buyers.chargeUsage(buyer, new BigDecimal("10.01"), reference)).isEqualTo(UsageCharge.INSUFFICIENT_BALANCE);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("10");
        assertThat(buyers.chargeUsage(buyer, new BigDecimal("4.50"), reference)).isEqualTo(UsageCharge.CHARGED);
        assertThat(buyers.chargeUsage(buyer, new BigDecimal("4.50"), reference)).isEqualTo(UsageCharge.ALREADY_CHARGED);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("5.50");
    }

    @Test
    void aTopUpMustBePositiveWithAtMostTwoDecimals() {
        long buyer = buyer("0");
        assertThatThrownBy(() -> buyers.topUp(buyer, new BigDecimal("-1"), unique("t"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> buyers.topUp(buyer, new BigDecimal("1.001"), unique("t"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("2 decimals");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("0");
    }

    @Test
    void aBuyerLoginIsUnique() {
        String login = unique("b");
        buyers.register(login, "A", null, null);
        assertThatThrownBy(() -> buyers.register(login, "B", null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("already exists");
    }
}
