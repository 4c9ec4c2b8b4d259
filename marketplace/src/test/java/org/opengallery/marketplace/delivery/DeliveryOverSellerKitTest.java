package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.opengallery.sellerkit.SellerKit;

/** The engine against the real seller kit over real HTTP, V2 and V1. */
class DeliveryOverSellerKitTest extends DeliveryTestBase {

    private SellerServer server;
    private SellerKit kit;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    private SellerServer serve(SellerKit kit) {
        this.kit = kit;
        this.server = SellerServer.start(kit::handle);
        return server;
    }

    private DeliveryEvents.InstanceProvisioned awaitProvisioned(OrderFacts order) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.committed(DeliveryEvents.InstanceProvisioned.class,
                e -> e.orderLineId().equals(order.orderLineId())).isEmpty());
        return events.committed(DeliveryEvents.InstanceProvisioned.class,
                e -> e.orderLineId().equals(order.orderLineId())).get(0);
    }

    @Test
    void v2CreateIsAcceptedThenQueriedUntilTheAppInfoArrives() {
        RecordingSeller seller = new RecordingSeller();
        serve(v2Kit(seller, Duration.ofSeconds(3)));
        OrderFacts order = order("NEW");

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order));

        DeliveryEvents.InstanceProvisioned provisioned = awaitProvisioned(order);
        String instanceId = provisioned.instanceId();
        assertThat(provisioned.appInfo().frontEndUrl()).isEqualTo("https://app.example.com/" + instanceId);
        assertThat(provisioned.appInfo().password()).isEqualTo(RecordingSeller.password(instanceId));
        assertThat(events.committed(DeliveryEvents.InstanceAccepted.class, e -> e.orderLineId().equals(order.orderLineId())))
                .containsExactly(new DeliveryEvents.InstanceAccepted(order.orderId(), order.orderLineId(), instanceId));
        CallRow row = awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(row.instanceId()).isEqualTo(instanceId);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.polls()).isGreaterThanOrEqualTo(1);
        assertThat(row.lastResponse()).contains("\"password\":\"***\"").doesNotContain(RecordingSeller.password(instanceId));
        // V2: POST JSON signed in the URL; the kit verified it (else no instance); the body carries only ids.
        SellerServer.Seen create = server.seen("newInstance", "orderLineId", order.orderLineId()).get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.query()).containsKeys("signature", "timestamp", "nonce");
        assertThat(create.fields()).containsEntry("orderId", order.orderId()).containsKey("businessId")
                .doesNotContainKey("customerId");
        assertThat(seller.creates).hasSize(1);
    }

    @Test
    void v2AsyncCreateAnswered000004IsPolledWithQueryInstance() {
        RecordingSeller seller = new RecordingSeller();
        seller.provisionMillis = 1200;
        serve(v2Kit(seller, Duration.ofMillis(100)));
        OrderFacts order = order("NEW");

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order));

        DeliveryEvents.InstanceProvisioned provisioned = awaitProvisioned(order);
        CallRow row = awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(row.polls()).isGreaterThan(1); // 000004 answers were polled again, not counted as failures
        assertThat(row.lastError()).isNull();
        assertThat(server.seen.stream().filter(s -> "queryInstance".equals(s.activity())).count()).isGreaterThan(1);
        assertThat(provisioned.appInfo().userName()).isEqualTo("admin");
        assertThat(seller.creates).hasSize(1);
    }

    @Test
    void v1CreateIsAGetWithAuthTokenEncryptedContactsAndDecryptedCredentials() {
        RecordingSeller seller = new RecordingSeller();
        serve(v1Kit(seller, false));
        OrderFacts order = order("NEW");

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v1(newSellerId(), server.url(), null), order));

        DeliveryEvents.InstanceProvisioned provisioned = awaitProvisioned(order);
        CallRow row = awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(row.polls()).isZero(); // V1 answers synchronously with the appInfo
        assertThat(provisioned.appInfo().password()).isEqualTo(RecordingSeller.password(provisioned.instanceId()));
        assertThat(provisioned.appInfo().userName()).isEqualTo("admin");
        // The kit decrypted what we encrypted; the wire carried ciphertext.
        assertThat(seller.creates).hasSize(1);
        assertThat(seller.creates.get(0).buyer().mobilePhone()).isEqualTo(order.buyer().mobilePhone());
        assertThat(seller.creates.get(0).buyer().email()).isEqualTo(order.buyer().email());
        assertThat(seller.creates.get(0).expireTime()).isEqualTo(order.expireTime());
        SellerServer.Seen create = server.seen.get(0);
        assertThat(create.method()).isEqualTo("GET");
        Map<String, String> q = create.query();
        assertThat(q).containsKeys("authToken", "timeStamp", "businessId", "customerId", "productId")
                .containsEntry("activity", "newInstance").containsEntry("orderId", order.orderId());
        assertThat(q.get("email")).isNotEqualTo(order.buyer().email()).hasSizeGreaterThan(16);
        assertThat(q.get("mobilePhone")).isNotEqualTo(order.buyer().mobilePhone());
        assertThat(row.request()).doesNotContain("authToken").contains("activity=newInstance");
    }

    @Test
    void v1AsyncCreateIsPolledWithQueryInstance() {
        RecordingSeller seller = new RecordingSeller();
        seller.provisionMillis = 800;
        serve(v1Kit(seller, true));
        OrderFacts order = order("NEW");

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v1(newSellerId(), server.url(), null), order));

        DeliveryEvents.InstanceProvisioned provisioned = awaitProvisioned(order);
        assertThat(awaitStatus(id, CallStatus.SUCCEEDED).polls()).isGreaterThanOrEqualTo(1);
        assertThat(provisioned.appInfo().password()).isEqualTo(RecordingSeller.password(provisioned.instanceId()));
        assertThat(server.seen.stream().filter(s -> "queryInstance".equals(s.activity())).map(SellerServer.Seen::method))
                .isNotEmpty().allMatch("GET"::equals);
    }

    @Test
    void lifecycleCallsSucceedAndPublishCallSucceeded() {
        for (boolean isV1 : new boolean[] {false, true}) {
            RecordingSeller seller = new RecordingSeller();
            SellerServer server = serve(isV1 ? v1Kit(seller, false) : v2Kit(seller, Duration.ofSeconds(3)));
            long sellerId = newSellerId();
            SellerEndpoint endpoint = isV1 ? v1(sellerId, server.url(), null) : v2(sellerId, server.url(), null);
            OrderFacts order = order("NEW");
            calls.newInstance(new DeliveryCommand.NewInstance(endpoint, order));
            String instanceId = awaitProvisioned(order).instanceId();

            Instant renewedTo = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            List<CallId> ids = List.of(
                    calls.refreshInstance(new DeliveryCommand.RefreshInstance(endpoint, instanceId, RefreshScene.RENEWAL,
                            order("RENEW"), renewedTo)),
                    calls.upgradeInstance(new DeliveryCommand.UpgradeInstance(endpoint, instanceId, order("CHANGE"))));
            ids.forEach(id -> awaitStatus(id, CallStatus.SUCCEEDED));
            for (DeliveryCommand.UpdateInstanceStatus.Status status : DeliveryCommand.UpdateInstanceStatus.Status.values()) {
                awaitStatus(calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(endpoint, instanceId,
                        order.orderId(), status)), CallStatus.SUCCEEDED);
            }
            CallId release = calls.releaseInstance(new DeliveryCommand.ReleaseInstance(endpoint, instanceId,
                    order.orderId(), DeliveryCommand.ReleaseInstance.ReleaseReason.EXPIRED));
            awaitStatus(release, CallStatus.SUCCEEDED);

            assertThat(seller.refreshes).singleElement().satisfies(r -> assertThat(r.expireTime()).isEqualTo(renewedTo));
            assertThat(seller.statusUpdates).extracting(u -> u.status())
                    .containsExactly(InstanceStatusChange.FREEZE, InstanceStatusChange.UNFREEZE);
            assertThat(seller.upgrades).hasSize(1);
            assertThat(seller.releases).hasSize(1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.committed(
                    DeliveryEvents.CallSucceeded.class, e -> instanceId.equals(e.instanceId())))
                    .extracting(DeliveryEvents.CallSucceeded::activity)
                    .containsExactlyInAnyOrder("refreshInstance", "updateInstanceStatus", "upgradeInstance",
                            "updateInstanceStatus", "releaseInstance"));
            stop();
        }
        server = null;
        kit = null;
    }
}
