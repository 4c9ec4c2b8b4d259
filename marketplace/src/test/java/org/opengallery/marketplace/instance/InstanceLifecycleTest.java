package org.opengallery.marketplace.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.NewSku;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Price;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryCommand.ReleaseInstance.ReleaseReason;
import org.opengallery.marketplace.delivery.DeliveryCommand.UpdateInstanceStatus.Status;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.order.Order;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class InstanceLifecycleTest extends DomainTest {

    private String sku() {
        String code = unique("sku");
        product(seller(), periodSku(code, "100", "1000"));
        return code;
    }

    private List<DeliveryCommand.UpdateInstanceStatus> statusCalls(String instanceId) {
        return calls.of(DeliveryCommand.UpdateInstanceStatus.class).stream()
                .filter(c -> c.instanceId().equals(instanceId)).toList();
    }

    private List<DeliveryCommand.ReleaseInstance> releases(String instanceId) {
        return calls.of(DeliveryCommand.ReleaseInstance.class).stream()
                .filter(c -> c.instanceId().equals(instanceId)).toList();
    }

    @Test
    void anExpiredRunningInstanceIsFrozen() {
        long buyer = buyer("100");
        Instance instance = running(buyer, sku(), 1);
        clock.set(instance.expireTime().minusSeconds(1));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
        clock.set(instance.expireTime());
        lifecycle.tick();
        lifecycle.tick(); // a second pass (or a second node) sends nothing more
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
        assertThat(statusCalls(instance.instanceId())).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FREEZE));
    }

    @Test
    void anInstanceThatCannotBeFrozenDoesNotHoldUpTheOthersOfItsPassAndIsFrozenOnTheNextOne() {
        long buyer = buyer("1000");
        String sku = sku();
        long brokenSeller = seller();
        String brokenSku = unique("sku");
        product(brokenSeller, periodSku(brokenSku, "100", "1000"));
        Instance first = running(buyer, sku, 1);
        Instance broken = running(buyer, brokenSku, 1);   // in the same chunk as the others
        Instance last = running(buyer, sku, 1);
        // The seller's key is gone: its FREEZE call cannot be written, so its instance cannot move this pass.
        jdbc.sql("DELETE FROM seller_access_key WHERE seller_id = :seller").param("seller", brokenSeller).update();
        clock.set(java.util.stream.Stream.of(first, broken, last).map(Instance::expireTime)
                .max(java.util.Comparator.naturalOrder()).orElseThrow());

        lifecycle.tick();

        for (Instance moved : List.of(first, last)) {
            assertThat(instances.byKey(moved.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
            assertThat(statusCalls(moved.instanceId())).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FREEZE));
        }
        assertThat(instances.byKey(broken.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(statusCalls(broken.instanceId())).isEmpty();

        sellers.createAccessKey(brokenSeller, org.opengallery.marketplace.seller.InterfaceType.BASIC, PRODUCTION_URL);
        lifecycle.tick();

        assertThat(instances.byKey(broken.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
        assertThat(statusCalls(broken.instanceId())).singleElement();
        assertThat(statusCalls(first.instanceId())).singleElement();   // nothing sent twice
    }

    @Test
    void aFrozenInstanceIsReleasedAfterTheFreezePeriod() {
        long buyer = buyer("100");
        Instance instance = running(buyer, sku(), 1);
        clock.set(instance.expireTime());
        lifecycle.tick();
        clock.set(instance.expireTime().plus(lifecycle.freezePeriod()).minusSeconds(1));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
        clock.set(instance.expireTime().plus(lifecycle.freezePeriod()));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RELEASED);
        assertThat(releases(instance.instanceId())).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(ReleaseReason.EXPIRED));
    }

    @Test
    void theFreezePeriodDefaultsTo15Days() {
        assertThat(lifecycle.freezePeriod()).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void renewalDuringTheFreezeUnfreezes() {
        long buyer = buyer("200");
        Instance instance = running(buyer, sku(), 1);
        clock.set(instance.expireTime().plus(Duration.ofDays(3)));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
        Order renewal = orders.pay(buyer, orders.renew(buyer, instance.instanceId(), null, 1).orderId());
        Instance renewed = instances.byKey(instance.key()).orElseThrow();
        assertThat(renewed.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(renewed.expireTime()).isEqualTo(PeriodType.MONTH.addTo(instance.expireTime(), 1));
        assertThat(statusCalls(instance.instanceId())).extracting(DeliveryCommand.UpdateInstanceStatus::status)
                .containsExactly(Status.FREEZE, Status.UNFREEZE);
        assertThat(calls.of(DeliveryCommand.RefreshInstance.class))
                .anyMatch(c -> c.instanceId().equals(instance.instanceId()) && c.order().orderId().equals(renewal.orderId()));
        clock.set(instance.expireTime().plus(lifecycle.freezePeriod()).plusSeconds(1));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void payPerUseInstancesNeverExpire() {
        String code = unique("od");
        product(seller(), new NewSku(code, "per hour", ChargingMode.Known.ON_DEMAND, List.of(), null,
                new java.math.BigDecimal("0.5"), "hour"));
        long buyer = buyer("0");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, code, null, null, false).orderId());
        assertThat(paid.amount()).isEqualByComparingTo("0");
        Instance instance = provision(paid);
        assertThat(instance.expireTime()).isNull();
        clock.advance(Duration.ofDays(400));
        lifecycle.tick();
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void aProvisioningInstanceIsListedWithoutAnInstanceIdUntilTheSellerGivesOne() {
        long buyer = buyer("100");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku(), "month", 1, false).orderId());
        String token = buyerToken(buyer);
        ResponseEntity<JsonNode> list = http(HttpMethod.GET, "/api/v1/instances", token, null);
        JsonNode only = list.getBody().get(0);
        assertThat(list.getBody().size()).isEqualTo(1);
        assertThat(only.get("instanceId").isNull()).isTrue();
        assertThat(only.get("status").asText()).isEqualTo("PROVISIONING");
        assertThat(only.get("orderId").asText()).isEqualTo(paid.orderId());
        assertThat(only.get("orderLineId").asText()).isEqualTo(paid.line().orderLineId());

        Instance running = provision(paid);
        JsonNode one = http(HttpMethod.GET, "/api/v1/instances/" + running.instanceId(), token, null).getBody();
        assertThat(one.get("status").asText()).isEqualTo("RUNNING");
        assertThat(one.get("instanceId").asText()).isEqualTo(running.instanceId());
        assertThat(one.get("appInfo").get("frontEndUrl").asText()).startsWith("https://app.example.com/");
        assertThat(one.get("expireTime").asText()).isNotBlank();
    }

    @Test
    void buyersOnlySeeTheirOwnInstances() {
        Instance instance = running(buyer("100"), sku(), 1);
        String other = buyerToken(buyer("0"));
        var r = http(HttpMethod.GET, "/api/v1/instances/" + instance.instanceId(), other, null);
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().get("error").asText()).isEqualTo("not_found");
        assertThat(http(HttpMethod.POST, "/api/v1/instances/" + instance.instanceId() + "/renew", other,
                java.util.Map.of("periodNumber", 1)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anInstanceIsFoundByTheSellersInstanceId() {
        long seller = seller();
        String code = unique("sku");
        product(seller, periodSku(code, "100", "1000"));
        long buyer = buyer("100");
        Instance instance = running(buyer, code, 1);
        Instance found = instances.byInstanceId(instance.instanceId()).orElseThrow();
        assertThat(found.sellerId()).isEqualTo(seller);
        assertThat(found.buyerId()).isEqualTo(buyer);
        assertThat(found.chargingMode()).isEqualTo(ChargingMode.Known.PERIOD);
        assertThat(found.productId()).isEqualTo(catalog.sku(code).orElseThrow().price(PeriodType.MONTH).map(Price::productId).orElseThrow());
        assertThat(instances.byInstanceId("no-such-instance")).isEmpty();
    }

    @Test
    void theAdminPasswordIsSealedAtRest() {
        Instance instance = running(buyer("100"), sku(), 1);
        String stored = jdbc.sql("SELECT app_password_sealed FROM instance WHERE instance_key = :k")
                .param("k", instance.key()).query(String.class).single();
        assertThat(stored).doesNotContain("s3cret!");
        assertThat(instance.appInfo().password()).isEqualTo("s3cret!");
    }

    @Test
    void aViolationFreezeIsLiftedOnlyExplicitlyAndNeverReleasedByTheClock() {
        long buyer = buyer("100");
        Instance instance = running(buyer, sku(), 1);
        lifecycle.freezeForViolation(instance.instanceId());
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.FROZEN);
        clock.set(instance.expireTime().minusSeconds(60));
        lifecycle.tick();
        assertThat(releases(instance.instanceId())).isEmpty();
        assertThatThrownBy(() -> orders.renew(buyer, instance.instanceId(), null, 1))
                .hasMessageContaining("for a violation");
        lifecycle.liftViolationFreeze(instance.instanceId());
        assertThat(instances.byKey(instance.key()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(statusCalls(instance.instanceId())).extracting(DeliveryCommand.UpdateInstanceStatus::status)
                .containsExactly(Status.FREEZE, Status.UNFREEZE);
    }

    @Test
    void theLifecycleClockIsARecurringSchedulerTask() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'instance-lifecycle'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
