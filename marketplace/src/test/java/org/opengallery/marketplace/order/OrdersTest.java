package org.opengallery.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.buyer.PaymentRefused;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.CallId;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryEvents;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.InstanceStatus;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class OrdersTest extends DomainTest {

    private String sku(long seller, String month, String year) {
        String code = unique("sku");
        product(seller, periodSku(code, month, year));
        return code;
    }

    @Test
    void orderIdsAreCsPlusTheMinuteInUtcPlusFiveLettersOrDigits() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("0");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        String minute = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC).format(now);
        assertThat(order.orderId()).matches("CS" + minute + "[A-Z0-9]{5}");
        assertThat(order.line().orderLineId()).isEqualTo(order.orderId() + "-000001");
    }

    @Test
    void placingAnOrderAnswers201PendingPaymentAtTheSkuPrice() {
        String sku = sku(seller(), "100", "1000");
        String token = buyerToken(buyer("0"));
        ResponseEntity<JsonNode> r = http(HttpMethod.POST, "/api/v1/orders", token,
                Map.of("skuCode", sku, "periodType", "year", "periodNumber", 2, "trial", false));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(r.getBody().get("amount").decimalValue()).isEqualByComparingTo("2000");
        assertThat(r.getBody().get("orderLineId").asText()).isEqualTo(r.getBody().get("orderId").asText() + "-000001");
    }

    @Test
    void badOrderInputGetsASpecificError() {
        String sku = sku(seller(), "100", "1000");
        String token = buyerToken(buyer("0"));
        var noPeriod = http(HttpMethod.POST, "/api/v1/orders", token, Map.of("skuCode", sku, "periodNumber", 1));
        assertThat(noPeriod.getStatusCode().value()).isEqualTo(400);
        assertThat(noPeriod.getBody().get("message").asText()).contains("periodType");
        var tooMany = http(HttpMethod.POST, "/api/v1/orders", token, Map.of("skuCode", sku, "periodType", "month", "periodNumber", 13));
        assertThat(tooMany.getBody().get("error").asText()).isEqualTo("invalid_period_number");
        var unknown = http(HttpMethod.POST, "/api/v1/orders", token, Map.of("skuCode", "nope", "periodType", "month", "periodNumber", 1));
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        var weekly = http(HttpMethod.POST, "/api/v1/orders", token, Map.of("skuCode", sku, "periodType", "week", "periodNumber", 1));
        assertThat(weekly.getBody().get("error").asText()).isEqualTo("invalid_period_type");
    }

    @Test
    void payingChargesTheBuyerCreatesTheInstanceAndAsksTheSellerToCreateIt() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("150");
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        Instant paidAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Order paid = orders.pay(buyer, order.orderId());

        assertThat(paid.status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("50");
        Instance instance = instances.byKey(paid.line().instanceKey()).orElseThrow();
        assertThat(instance.status()).isEqualTo(InstanceStatus.PROVISIONING);
        assertThat(instance.expireTime()).isEqualTo(PeriodType.MONTH.addTo(paidAt, 1));
        var create = calls.of(DeliveryCommand.NewInstance.class).stream()
                .filter(c -> c.order().orderId().equals(order.orderId())).findFirst().orElseThrow();
        assertThat(create.order().orderType()).isEqualTo("NEW");
        assertThat(create.order().amount()).isEqualByComparingTo("100");
        assertThat(create.endpoint().url()).isEqualTo(PRODUCTION_URL);
        assertThat(calls.of(DeliveryCommand.OrderCreated.class))
                .anyMatch(c -> c.order().orderId().equals(order.orderId()));
    }

    @Test
    void insufficientBalanceRefusesPaymentAndChangesNothing() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("99.99");
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        assertThatThrownBy(() -> orders.pay(buyer, order.orderId())).isInstanceOf(PaymentRefused.class)
                .hasMessageContaining("100.00");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("99.99");
        assertThat(orders.order(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(instances.ofBuyer(buyer)).isEmpty();
        assertThat(calls.of(DeliveryCommand.NewInstance.class)).noneMatch(c -> c.order().orderId().equals(order.orderId()));

        var r = http(HttpMethod.POST, "/api/v1/orders/" + order.orderId() + "/pay", buyerToken(buyer), null);
        assertThat(r.getStatusCode().value()).isEqualTo(402);
        assertThat(r.getBody().get("error").asText()).isEqualTo("insufficient_balance");
    }

    @Test
    void unpaidOrderCancelsItselfAfterTheTimeout() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("500");
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        clock.advance(Duration.ofMinutes(29));
        orders.cancelUnpaid();
        assertThat(orders.order(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        clock.advance(Duration.ofMinutes(2));
        assertThat(orders.cancelUnpaid()).isPositive();
        assertThat(orders.order(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> orders.pay(buyer, order.orderId())).isInstanceOf(ApiException.class)
                .hasMessageContaining("CANCELLED");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("500");
    }

    @Test
    void payingAfterTheDeadlineCancelsInsteadOfCharging() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("500");
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        clock.advance(Duration.ofMinutes(31));
        var r = http(HttpMethod.POST, "/api/v1/orders/" + order.orderId() + "/pay", buyerToken(buyer), null);
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(r.getBody().get("error").asText()).isEqualTo("order_expired");
        assertThat(orders.order(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("500");
    }

    @Test
    void theUnpaidOrderSweepIsARecurringSchedulerTask() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'order-unpaid-sweep'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBuyerCancelsAnUnpaidOrderButNotAPaidOne() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("500");
        Order unpaid = orders.placeNew(buyer, sku, "month", 1, false);
        String token = buyerToken(buyer);
        var r = http(HttpMethod.POST, "/api/v1/orders/" + unpaid.orderId() + "/cancel", token, null);
        assertThat(r.getBody().get("status").asText()).isEqualTo("CANCELLED");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "month", 1, false).orderId());
        var refused = http(HttpMethod.POST, "/api/v1/orders/" + paid.orderId() + "/cancel", token, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("error").asText()).isEqualTo("not_cancellable");
    }

    @Test
    void buyersOnlySeeTheirOwnOrders() {
        String sku = sku(seller(), "100", "1000");
        long owner = buyer("0");
        Order order = orders.placeNew(owner, sku, "month", 1, false);
        String other = buyerToken(buyer("0"));
        assertThat(http(HttpMethod.GET, "/api/v1/orders/" + order.orderId(), other, null).getStatusCode().value()).isEqualTo(404);
        assertThat(http(HttpMethod.POST, "/api/v1/orders/" + order.orderId() + "/pay", other, null).getStatusCode().value()).isEqualTo(404);
        var mine = http(HttpMethod.GET, "/api/v1/orders/" + order.orderId(), buyerToken(owner), null);
        assertThat(mine.getBody().get("orderId").asText()).isEqualTo(order.orderId());
    }

    @Test
    void provisionedInstanceCompletesTheOrder() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("100");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "month", 1, false).orderId());
        Instance instance = provision(paid);
        assertThat(instance.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(instance.appInfo().password()).isEqualTo("s3cret!");
        assertThat(orders.order(paid.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void aTrialCostsNothingExpiresAfterItsDaysAndIsOncePerBuyer() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("0");
        Order trial = orders.placeNew(buyer, sku, null, null, true);
        assertThat(trial.orderType()).isEqualTo(OrderType.Known.TRIAL);
        assertThat(trial.amount()).isEqualByComparingTo("0");
        Instant paidAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Order paid = orders.pay(buyer, trial.orderId());
        assertThat(paid.line().expireTime()).isEqualTo(paidAt.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> orders.placeNew(buyer, sku, null, null, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("once per buyer");
    }

    @Test
    void deliveryGivingUpOnCreateFailsTheOrderAndRefundsIt() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("100");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "month", 1, false).orderId());
        answer(new DeliveryEvents.InstanceAccepted(paid.orderId(), paid.line().orderLineId(), "never-ready-" + paid.orderId()));
        answer(new DeliveryEvents.CallGaveUp(new CallId(1), "newInstance", paid.orderId(), paid.line().orderLineId(),
                "never-ready-" + paid.orderId(), "HTTP 500"));
        Order failed = orders.order(paid.orderId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.failure()).contains("HTTP 500");
        assertThat(failed.line().refundedAmount()).isEqualByComparingTo("100");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("100");
        assertThat(instances.byKey(paid.line().instanceKey()).orElseThrow().status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(calls.of(DeliveryCommand.ReleaseInstance.class))
                .anyMatch(c -> c.instanceId().equals("never-ready-" + paid.orderId())
                        && c.reason() == DeliveryCommand.ReleaseInstance.ReleaseReason.DELIVERY_FAILED);
        // the engine repeating the event refunds nothing twice
        answer(new DeliveryEvents.CallGaveUp(new CallId(1), "newInstance", paid.orderId(), paid.line().orderLineId(),
                null, "HTTP 500"));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("100");
    }

    @Test
    void renewalExtendsFromTheOldExpiryAndRefreshesTheInstance() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("1200");
        Instance instance = running(buyer, sku, 1);
        Order renewal = orders.renew(buyer, instance.instanceId(), "year", 1);
        assertThat(renewal.orderType()).isEqualTo(OrderType.Known.RENEW);
        assertThat(renewal.amount()).isEqualByComparingTo("1000");
        orders.pay(buyer, renewal.orderId());
        Instance renewed = instances.byKey(instance.key()).orElseThrow();
        assertThat(renewed.expireTime()).isEqualTo(PeriodType.YEAR.addTo(instance.expireTime(), 1));
        assertThat(renewed.instanceId()).isEqualTo(instance.instanceId());
        var refresh = calls.of(DeliveryCommand.RefreshInstance.class).stream()
                .filter(c -> c.order().orderId().equals(renewal.orderId())).findFirst().orElseThrow();
        assertThat(refresh.scene()).isEqualTo(RefreshScene.RENEWAL);
        assertThat(refresh.newExpireTime()).isEqualTo(renewed.expireTime());
        // a yearly renewal runs on the SKU's yearly productId
        assertThat(refresh.order().productId()).isNotEqualTo(instance.productId()).isEqualTo(renewed.productId());
        answer(new DeliveryEvents.CallSucceeded(new CallId(9), "refreshInstance", renewal.orderId(), instance.instanceId()));
        assertThat(orders.order(renewal.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void trialToFormalKeepsTheInstance() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("300");
        Instance trial = provision(orders.pay(buyer, orders.placeNew(buyer, sku, null, null, true).orderId()));
        assertThat(trial.trial()).isTrue();
        Order conversion = orders.renew(buyer, trial.instanceId(), "month", 3);
        assertThat(conversion.orderType()).isEqualTo(OrderType.Known.TRIAL_TO_FORMAL);
        Instant paidAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        orders.pay(buyer, conversion.orderId());
        Instance formal = instances.byInstanceId(trial.instanceId()).orElseThrow();
        assertThat(formal.key()).isEqualTo(trial.key());
        assertThat(formal.trial()).isFalse();
        assertThat(formal.expireTime()).isEqualTo(PeriodType.MONTH.addTo(paidAt, 3));
        assertThat(calls.of(DeliveryCommand.RefreshInstance.class))
                .anyMatch(c -> c.order().orderId().equals(conversion.orderId()) && c.scene() == RefreshScene.TRIAL_TO_FORMAL);
        assertThat(calls.of(DeliveryCommand.NewInstance.class)).noneMatch(c -> c.order().orderId().equals(conversion.orderId()));
    }

    @Test
    void upgradeChargesNewMinusOldPriceForTheRemainingDaysAndKeepsTheInstanceId() {
        long seller = seller();
        String basic = unique("basic");
        String pro = unique("pro");
        product(seller, periodSku(basic, "30", "300"), periodSku(pro, "90", "900"));
        long buyer = buyer("1000");
        Instance instance = running(buyer, basic, 1);
        clock.advance(Duration.ofDays(10));
        long remainingDays = (Duration.between(clock.instant(), instance.expireTime()).getSeconds() + 86_399) / 86_400;
        Order upgrade = orders.upgrade(buyer, instance.instanceId(), pro);
        assertThat(upgrade.orderType()).isEqualTo(OrderType.Known.CHANGE);
        // (90 - 30) / 30 days × remaining days
        assertThat(upgrade.amount()).isEqualByComparingTo(BigDecimal.valueOf(2 * remainingDays));
        orders.pay(buyer, upgrade.orderId());
        Instance upgraded = instances.byInstanceId(instance.instanceId()).orElseThrow();
        assertThat(upgraded.key()).isEqualTo(instance.key());
        assertThat(upgraded.skuCode()).isEqualTo(pro);
        assertThat(upgraded.expireTime()).isEqualTo(instance.expireTime());
        assertThat(calls.of(DeliveryCommand.UpgradeInstance.class))
                .anyMatch(c -> c.instanceId().equals(instance.instanceId()) && c.order().orderId().equals(upgrade.orderId()));
        assertThatThrownBy(() -> orders.upgrade(buyer, instance.instanceId(), basic)).isInstanceOf(ApiException.class)
                .hasMessageContaining("only upgrades");
    }

    @Test
    void deliveryGivingUpOnUpgradeRefundsItAndRestoresTheSku() {
        long seller = seller();
        String basic = unique("basic");
        String pro = unique("pro");
        product(seller, periodSku(basic, "30", "300"), periodSku(pro, "90", "900"));
        long buyer = buyer("1000");
        Instance instance = running(buyer, basic, 1);
        BigDecimal before = buyers.balance(buyer);
        Order upgrade = orders.pay(buyer, orders.upgrade(buyer, instance.instanceId(), pro).orderId());
        answer(new DeliveryEvents.CallGaveUp(new CallId(3), "upgradeInstance", upgrade.orderId(),
                upgrade.line().orderLineId(), instance.instanceId(), "timeout"));
        assertThat(orders.order(upgrade.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo(before);
        Instance after = instances.byKey(instance.key()).orElseThrow();
        assertThat(after.skuCode()).isEqualTo(basic);
        assertThat(after.productId()).isEqualTo(instance.productId());
        assertThat(after.status()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void aRenewalNotYetInEffectIsRefundedInFullOnUnsubscribe() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("1100");
        Instance instance = running(buyer, sku, 1);
        clock.advance(Duration.ofDays(6)); // past the 5-day guarantee period of the first month
        Order renewal = orders.pay(buyer, orders.renew(buyer, instance.instanceId(), "year", 1).orderId());
        clock.advance(Duration.ofDays(6)); // the renewal is paid 6 days ago too, but its year has not started
        Order unsubscribe = orders.unsubscribe(buyer, instance.instanceId());
        assertThat(unsubscribe.orderType()).isEqualTo(OrderType.Known.UNSUBSCRIBE);
        assertThat(unsubscribe.amount()).isEqualByComparingTo("1000");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("1000");
        assertThat(orders.order(renewal.orderId()).orElseThrow().line().refundedAmount()).isEqualByComparingTo("1000");
    }

    @Test
    void unsubscribingAfterTheGuaranteePeriodRefundsNothingForThePeriodInEffect() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("100");
        Instance instance = running(buyer, sku, 1);
        clock.advance(Duration.ofDays(6));
        Order unsubscribe = orders.unsubscribe(buyer, instance.instanceId());
        assertThat(unsubscribe.amount()).isEqualByComparingTo("0");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("0");
    }

    @Test
    void unsubscribingWithinTheGuaranteePeriodRefundsInFullAndReleasesTheInstance() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("100");
        Instance instance = running(buyer, sku, 1);
        clock.advance(Duration.ofDays(2));
        var r = http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/unsubscribe", buyerToken(buyer), null);
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("orderType").asText()).isEqualTo("UNSUBSCRIBE");
        assertThat(r.getBody().get("amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("100");
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RELEASED);
        String orderId = r.getBody().get("orderId").asText();
        assertThat(calls.of(DeliveryCommand.ReleaseInstance.class)).anyMatch(c -> orderId.equals(c.orderId())
                && c.instanceId().equals(instance.instanceId())
                && c.reason() == DeliveryCommand.ReleaseInstance.ReleaseReason.UNSUBSCRIBED);
        assertThat(calls.of(DeliveryCommand.OrderCreated.class))
                .anyMatch(c -> c.order().orderId().equals(orderId) && c.order().orderType().equals("UNSUBSCRIBE"));
        answer(new DeliveryEvents.CallSucceeded(new CallId(4), "releaseInstance", orderId, instance.instanceId()));
        assertThat(orders.order(orderId).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/unsubscribe", buyerToken(buyer), null)
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void queryOrderDetailsCarryTheLinesAndTheBuyer() {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("2000");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "year", 2, false).orderId());
        OrderDetails details = orders.details(paid.orderId(), paid.line().orderLineId()).orElseThrow();
        assertThat(details.orderType()).isEqualTo(OrderType.Known.NEW);
        assertThat(details.createTime()).isEqualTo(paid.createTime());
        OrderLine line = details.lines().get(0);
        assertThat(line.chargingMode().code()).isEqualTo("PERIOD");
        assertThat(line.periodType()).isEqualTo(PeriodType.YEAR);
        assertThat(line.periodNumber()).isEqualTo(2);
        assertThat(line.skuCode()).isEqualTo(sku);
        assertThat(line.productId()).startsWith("OFFI");
        assertThat(line.amount()).isEqualByComparingTo("2000");
        assertThat(line.expireTime()).isNotNull();
        assertThat(details.buyer().customerId()).isEqualTo(Long.toString(buyer));
        assertThat(details.buyer().email()).isEqualTo("buyer@example.com");
        assertThat(orders.details(paid.orderId(), paid.orderId() + "-000002")).isEmpty();
        assertThat(orders.details("CS0000000000NONE", null)).isEmpty();
    }

    @Test
    void anOrderIsChargedOnceWhenPaidTwiceAtOnce() throws Exception {
        String sku = sku(seller(), "100", "1000");
        long buyer = buyer("1000");
        Order order = orders.placeNew(buyer, sku, "month", 1, false);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<Boolean> pay = () -> {
            start.await();
            try {
                orders.pay(buyer, order.orderId());
                return true;
            } catch (ApiException refused) {
                return false;
            }
        };
        var first = pool.submit(pay);
        var second = pool.submit(pay);
        start.countDown();
        int paid = (first.get() ? 1 : 0) + (second.get() ? 1 : 0);
        pool.shutdown();
        assertThat(paid).isEqualTo(1);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("900");
        assertThat(instances.ofBuyer(buyer)).hasSize(1);
    }

    @Test
    void renewAndUpgradeOverHttpAnswerTheNewOrder() {
        long seller = seller();
        String basic = unique("basic");
        String pro = unique("pro");
        product(seller, periodSku(basic, "30", "300"), periodSku(pro, "90", "900"));
        long buyer = buyer("1000");
        Instance instance = running(buyer, basic, 1);
        String token = buyerToken(buyer);
        var renew = http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/renew", token,
                Map.of("periodNumber", 2));
        assertThat(renew.getStatusCode().value()).isEqualTo(201);
        assertThat(renew.getBody().get("orderType").asText()).isEqualTo("RENEW");
        assertThat(renew.getBody().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(renew.getBody().get("amount").decimalValue()).isEqualByComparingTo("60");
        assertThat(renew.getBody().get("instanceId").asText()).isEqualTo(instance.instanceId());
        var noPeriods = http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/renew", token, Map.of());
        assertThat(noPeriods.getStatusCode().value()).isEqualTo(400);
        assertThat(noPeriods.getBody().get("error").asText()).isEqualTo("invalid_period_number");
        var upgrade = http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/upgrade", token,
                Map.of("skuCode", pro));
        assertThat(upgrade.getStatusCode().value()).isEqualTo(201);
        assertThat(upgrade.getBody().get("orderType").asText()).isEqualTo("CHANGE");
        assertThat(upgrade.getBody().get("skuCode").asText()).isEqualTo(pro);
        var paid = http(HttpMethod.POST, "/api/v1/orders/" + upgrade.getBody().get("orderId").asText() + "/pay", token, null);
        assertThat(paid.getStatusCode().value()).isEqualTo(200);
        assertThat(paid.getBody().get("status").asText()).isEqualTo("PROCESSING");
    }
}
