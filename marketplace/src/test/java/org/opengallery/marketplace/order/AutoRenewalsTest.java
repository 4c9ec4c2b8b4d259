package org.opengallery.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.beans.factory.annotation.Autowired;

/** 修改到期策略 → 自动续费: one period from the balance within the lead time (1 day) of expiry, once per expiry. */
class AutoRenewalsTest extends DomainTest {

    @Autowired AutoRenewals renewals;
    @Autowired Notices notices;

    private Instance autoRenewing(long buyer) {
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10", "100"));
        Instance running = running(buyer, sku, 1);
        return instances.setAutoRenew(buyer, running.key(), true);
    }

    /** Moves the shared clock to just inside the lead time of this instance's expiry (time only goes forward). */
    private void nearExpiry(Instance instance) {
        Duration until = Duration.between(clock.instant(), instance.expireTime().minus(Duration.ofHours(12)));
        if (!until.isNegative()) {
            clock.advance(until);
        }
    }

    @Test
    void anInstanceSetToAutoRenewRenewsOnePeriodFromTheBalanceBeforeItExpires() {
        long buyer = buyer("100");
        Instance instance = autoRenewing(buyer);
        nearExpiry(instance);

        renewals.renewDue();

        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isIn(OrderStatus.PROCESSING, OrderStatus.COMPLETED);
                    assertThat(o.amount()).isEqualByComparingTo("10.00");
                    assertThat(o.line().instanceKey()).isEqualTo(instance.key());
                });
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("80.00");
        assertThat(notices.of(Recipient.buyer(buyer), 10)).extracting(Notice::kind).contains("AUTO_RENEWED");
    }

    @Test
    void eachExpiryIsTriedOnlyOnce() {
        long buyer = buyer("100");
        Instance instance = autoRenewing(buyer);
        nearExpiry(instance);
        renewals.renewDue();
        renewals.renewDue();
        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW).hasSize(1);
    }

    @Test
    void aBalanceTooSmallCancelsTheRenewalAndTellsTheBuyer() {
        long buyer = buyer("10");
        Instance instance = autoRenewing(buyer);
        nearExpiry(instance);

        renewals.renewDue();

        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("0.00");
        assertThat(notices.of(Recipient.buyer(buyer), 10)).extracting(Notice::kind).contains("AUTO_RENEW_FAILED");
        renewals.renewDue();
        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW)
                .as("not retried for the same expiry").hasSize(1);
    }

    @Test
    void nothingRenewsBeforeTheLeadTime() {
        long buyer = buyer("100");
        autoRenewing(buyer);
        renewals.renewDue();
        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW).isEmpty();
    }

    @Test
    void withoutAutoRenewAnInstanceIsLeftToExpire() {
        long buyer = buyer("100");
        Instance instance = instances.setAutoRenew(buyer, autoRenewing(buyer).key(), false);
        nearExpiry(instance);
        renewals.renewDue();
        assertThat(orders.ordersOf(buyer)).filteredOn(o -> o.orderType() == OrderType.Known.RENEW).isEmpty();
    }

    @Test
    void aTrialCannotRenewItself() {
        long buyer = buyer("100");
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10", "100"));
        Order trial = orders.placeNew(buyer, sku, null, null, true);
        Instance instance = provision(orders.pay(buyer, trial.orderId()));
        assertThatThrownBy(() -> instances.setAutoRenew(buyer, instance.key(), true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("not_auto_renewable"));
    }

    @Test
    void aBuyerCannotSetAnotherBuyersPolicy() {
        long owner = buyer("100");
        Instance instance = autoRenewing(owner);
        long other = buyer("100");
        assertThatThrownBy(() -> instances.setAutoRenew(other, instance.key(), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("not_found"));
    }
}
