package org.opengallery.sellerkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.sellerkit.Platform.code;
import static org.opengallery.sellerkit.Platform.json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.InstanceState;

class SellerKitV2Test {

    static final String KEY = "basic-access-key";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    final RecordingSeller seller = new RecordingSeller();
    final InMemoryKitStore store = new InMemoryKitStore();
    final AtomicInteger orderQueries = new AtomicInteger();
    final Platform platform = new Platform(KEY, CLOCK);
    SellerKit kit = kit(Duration.ofMillis(300));

    SellerKit kit(Duration budget) {
        return SellerKit.builder().basicKey(KEY).clock(CLOCK).seller(seller).store(store).asyncBudget(budget)
                .orders((orderId, lineId) -> {
                    orderQueries.incrementAndGet();
                    return order(orderId, lineId, orderId.startsWith("PPU") ? "ON_DEMAND" : "PERIOD");
                }).build();
    }

    static OrderInfo order(String orderId, String lineId, String chargingMode) {
        return ProtocolJson.read("{\"orderId\":\"" + orderId + "\",\"orderType\":\"NEW\",\"createTime\":\"20261125080000\","
                + "\"orderLine\":[{\"orderLineId\":\"" + lineId + "\",\"chargingMode\":\"" + chargingMode + "\","
                + "\"expireTime\":\"20271125080000\",\"periodType\":\"year\",\"periodNumber\":1,"
                + "\"productInfo\":[{\"productId\":\"OFFI-NOTES-YEAR\",\"skuCode\":\"sku-notes-basic\"}]}],"
                + "\"buyerInfo\":{\"customerId\":\"cust-1\",\"customerName\":\"Acme\",\"email\":\"ops@acme.example\"}}",
                OrderInfo.class);
    }

    static String create(String orderId, String businessId) {
        return "{\"activity\":\"newInstance\",\"businessId\":\"" + businessId + "\",\"orderId\":\"" + orderId
                + "\",\"orderLineId\":\"" + orderId + "-000001\",\"testFlag\":\"1\"}";
    }

    static String query(String ids) {
        return "{\"activity\":\"queryInstance\",\"instanceId\":\"" + ids + "\"}";
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void createAnswersSuccessWithTheFirstBusinessIdAsInstanceId() {
        KitResponse response = kit.handle(platform.v2(create("CS2211181819B4LVS", "biz-1")));
        assertThat(code(response)).isEqualTo("000000");
        assertThat(json(response).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(response.headers()).containsEntry("Content-Type", "application/json;charset=UTF-8");
    }

    @Test
    void theSellerGetsTheOrderDetailsReadThroughQueryOrder() {
        kit.handle(platform.v2(create("CS2211181819B4LVS", "biz-1")));
        NewInstance order = seller.created.get(0);
        assertThat(order.instanceId()).isEqualTo("biz-1");
        assertThat(order.productId()).isEqualTo("OFFI-NOTES-YEAR");
        assertThat(order.skuCode()).isEqualTo("sku-notes-basic");
        assertThat(order.chargingMode()).isEqualTo("PERIOD");
        assertThat(order.expireTime()).isEqualTo(Instant.parse("2027-11-25T08:00:00Z"));
        assertThat(order.buyer().email()).isEqualTo("ops@acme.example");
        assertThat(order.debug()).isTrue();
        assertThat(order.order()).isNotNull();
    }

    @Test
    void sameOrderLineReturnsTheSameInstanceAndNeverCallsTheSellerTwice() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        KitResponse again = kit.handle(platform.v2(create("CS1", "biz-2")));
        assertThat(json(again).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void aRetryOfADeliveredCreateIsAnsweredEvenWhileQueryOrderIsDown() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        kit.close();
        kit = SellerKit.builder().basicKey(KEY).clock(CLOCK).seller(seller).store(store)
                .orders((o, l) -> {
                    throw new OrderQueryException("connection refused", (Throwable) null);
                }).build();
        KitResponse retry = kit.handle(platform.v2(create("CS1", "biz-2")));
        assertThat(code(retry)).isEqualTo("000000");
        assertThat(json(retry).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void twoRetriesAtTheSameMomentCreateOneInstance() throws Exception {
        seller.provisioningGate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<KitResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String businessId = "biz-" + i;
            answers.add(pool.submit(() -> kit.handle(platform.v2(create("CS-RACE", businessId)))));
        }
        Thread.sleep(100);
        seller.provisioningGate.countDown();
        List<String> ids = new CopyOnWriteArrayList<>();
        for (Future<KitResponse> answer : answers) {
            ids.add(json(answer.get()).path("instanceId").asText());
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void payPerUseOrdersAreOneInstancePerOrderAndProduct() {
        kit.handle(platform.v2(create("PPU-1", "biz-1")));
        String otherLine = "{\"activity\":\"newInstance\",\"businessId\":\"biz-2\",\"orderId\":\"PPU-1\","
                + "\"orderLineId\":\"PPU-1-000002\"}";
        KitResponse second = kit.handle(platform.v2(otherLine));
        assertThat(json(second).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void aSlowSellerGetsAnsweredInProgressAndQueryReturnsTheAppInfoOnceReady() throws Exception {
        seller.provisioningGate = new CountDownLatch(1);
        KitResponse first = kit.handle(platform.v2(create("CS-SLOW", "biz-1")));
        assertThat(code(first)).isEqualTo("000004");
        assertThat(json(first).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(code(kit.handle(platform.v2(query("biz-1"))))).isEqualTo("000004");

        seller.provisioningGate.countDown();
        awaitState("biz-1", InstanceState.ACTIVE);
        KitResponse ready = kit.handle(platform.v2(query("biz-1")));
        assertThat(code(ready)).isEqualTo("000000");
        assertThat(json(ready).path("info").get(0).path("appInfo").path("frontEndUrl").asText())
                .isEqualTo("https://notes.example/t/biz-1");
        assertThat(json(ready).path("info").get(0).path("appInfo").path("password").asText()).isEqualTo("Init#Pass1");
    }

    @Test
    void aSlowCreateThatFailsIsNoLongerReportedAsBeingProvisioned() throws Exception {
        seller.provisioningTime = Duration.ofMillis(600);
        seller.failNext = new SellerRefusal(ResultCode.Known.NO_INSTANCE_AVAILABLE, "no capacity");
        assertThat(code(kit.handle(platform.v2(create("CS-SLOWFAIL", "biz-1"))))).isEqualTo("000004");
        awaitState("biz-1", InstanceState.FAILED);
        assertThat(code(kit.handle(platform.v2(query("biz-1"))))).isEqualTo("000003");
        assertThat(code(kit.handle(platform.v2(create("CS-SLOWFAIL", "biz-2"))))).as("the retry provisions again")
                .isIn("000000", "000004");
    }

    @Test
    void aRetryWhileStillProvisioningJoinsTheRunningWork() throws Exception {
        seller.provisioningGate = new CountDownLatch(1);
        kit.handle(platform.v2(create("CS-SLOW", "biz-1")));
        KitResponse retry = kit.handle(platform.v2(create("CS-SLOW", "biz-9")));
        assertThat(code(retry)).isEqualTo("000004");
        assertThat(json(retry).path("instanceId").asText()).isEqualTo("biz-1");
        seller.provisioningGate.countDown();
        awaitState("biz-1", InstanceState.ACTIVE);
        assertThat(code(kit.handle(platform.v2(create("CS-SLOW", "biz-10"))))).isEqualTo("000000");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void queryAnswersEachKnownIdOfAList() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        kit.handle(platform.v2(create("CS2", "biz-2")));
        KitResponse response = kit.handle(platform.v2(query("biz-1,biz-2,unknown")));
        assertThat(code(response)).isEqualTo("000000");
        assertThat(json(response).path("info").findValuesAsText("instanceId")).containsExactly("biz-1", "biz-2");
    }

    @Test
    void queryOfAnUnknownInstanceIs000003() {
        assertThat(code(kit.handle(platform.v2(query("nope"))))).isEqualTo("000003");
    }

    @Test
    void aSellerRefusalIsAnsweredWithItsCodeAndTheRetryCallsTheSellerAgain() {
        seller.failNext = new SellerRefusal(ResultCode.Known.SOLD_OUT, "sold out");
        KitResponse refused = kit.handle(platform.v2(create("CS1", "biz-1")));
        assertThat(code(refused)).isEqualTo("000106");
        assertThat(json(refused).path("resultMsg").asText()).isEqualTo("sold out");
        KitResponse retried = kit.handle(platform.v2(create("CS1", "biz-2")));
        assertThat(code(retried)).isEqualTo("000000");
        assertThat(json(retried).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(2);
    }

    @Test
    void anExceptionInSellerCodeIs000005WithASafeMessage() {
        seller.failNext = new IllegalStateException("jdbc:postgresql://db password=hunter2 refused");
        KitResponse response = kit.handle(platform.v2(create("CS1", "biz-1")));
        assertThat(code(response)).isEqualTo("000005");
        assertThat(response.bodyText()).doesNotContain("hunter2").contains("order CS1");
    }

    @Test
    void aQueryOrderFailureIs000005AndNothingIsCreated() {
        kit.close();
        kit = SellerKit.builder().basicKey(KEY).clock(CLOCK).seller(seller).store(store)
                .orders((o, l) -> {
                    throw new OrderQueryException("MKT.9001 no such order", "MKT.9001");
                }).build();
        KitResponse response = kit.handle(platform.v2(create("CS1", "biz-1")));
        assertThat(code(response)).isEqualTo("000005");
        assertThat(response.bodyText()).contains("MKT.9001");
        assertThat(seller.newInstanceCalls).hasValue(0);
        assertThat(store.instance("biz-1")).isEmpty();
    }

    @Test
    void withoutQueryOrderTheSellerStillProvisionsWithTheIds() {
        kit.close();
        kit = SellerKit.builder().basicKey(KEY).clock(CLOCK).seller(seller).store(store).build();
        assertThat(code(kit.handle(platform.v2(create("CS1", "biz-1"))))).isEqualTo("000000");
        assertThat(seller.created.get(0).orderId()).isEqualTo("CS1");
        assertThat(seller.created.get(0).order()).isNull();
    }

    @Test
    void everyRefreshSceneReachesTheSellerOnceAndMovesTheExpiry() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        for (RefreshScene scene : RefreshScene.values()) {
            String body = "{\"activity\":\"refreshInstance\",\"expireTime\":\"20281124023618256\",\"instanceId\":\"biz-1\","
                    + "\"orderId\":\"CS-R-" + scene + "\",\"orderLineId\":\"CS-R-000001\",\"scene\":\"" + scene + "\"}";
            assertThat(code(kit.handle(platform.v2(body)))).as(scene.name()).isEqualTo("000000");
            assertThat(code(kit.handle(platform.v2(body)))).as("retried " + scene).isEqualTo("000000");
        }
        assertThat(seller.callsOf(InstanceRefresh.class)).isEqualTo(RefreshScene.values().length);
        assertThat(store.instance("biz-1").orElseThrow().expireTime()).isEqualTo(Instant.parse("2028-11-24T02:36:18.256Z"));
    }

    @Test
    void refreshOfAnUnknownInstanceIs000003() {
        String body = "{\"activity\":\"refreshInstance\",\"expireTime\":\"20281124023618\",\"instanceId\":\"nope\","
                + "\"orderId\":\"CS-R\",\"orderLineId\":\"CS-R-000001\",\"scene\":\"RENEWAL\"}";
        assertThat(code(kit.handle(platform.v2(body)))).isEqualTo("000003");
    }

    @Test
    void freezeAndUnfreezeReachTheSellerAndRepeatsDoNot() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        String freeze = "{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"biz-1\",\"status\":\"FREEZE\"}";
        String unfreeze = "{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"biz-1\",\"status\":\"UNFREEZE\"}";
        assertThat(code(kit.handle(platform.v2(freeze)))).isEqualTo("000000");
        assertThat(store.instance("biz-1").orElseThrow().state()).isEqualTo(InstanceState.FROZEN);
        assertThat(code(kit.handle(platform.v2(freeze)))).isEqualTo("000000");
        assertThat(code(kit.handle(platform.v2(unfreeze)))).isEqualTo("000000");
        assertThat(store.instance("biz-1").orElseThrow().state()).isEqualTo(InstanceState.ACTIVE);
        assertThat(seller.callsOf(InstanceStatusUpdate.class)).isEqualTo(2);
    }

    @Test
    void releaseTwiceSucceedsAndCallsTheSellerOnce() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        String release = "{\"activity\":\"releaseInstance\",\"instanceId\":\"biz-1\",\"orderId\":\"CS1\"}";
        assertThat(code(kit.handle(platform.v2(release)))).isEqualTo("000000");
        assertThat(code(kit.handle(platform.v2(release)))).isEqualTo("000000");
        assertThat(seller.callsOf(InstanceRelease.class)).isEqualTo(1);
        assertThat(code(kit.handle(platform.v2(query("biz-1"))))).as("released instances are gone").isNotEqualTo("000000");
    }

    @Test
    void upgradeKeepsTheInstanceIdAndHandsTheSellerTheUpgradeOrder() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        String upgrade = "{\"activity\":\"upgradeInstance\",\"instanceId\":\"biz-1\",\"orderId\":\"CS-UP\","
                + "\"orderLineId\":\"CS-UP-000001\"}";
        assertThat(code(kit.handle(platform.v2(upgrade)))).isEqualTo("000000");
        assertThat(code(kit.handle(platform.v2(upgrade)))).isEqualTo("000000");
        InstanceUpgrade call = (InstanceUpgrade) seller.calls.stream().filter(InstanceUpgrade.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(call.instanceId()).isEqualTo("biz-1");
        assertThat(call.order().orderId()).isEqualTo("CS-UP");
        assertThat(call.skuCode()).isEqualTo("sku-notes-basic");
        assertThat(seller.callsOf(InstanceUpgrade.class)).isEqualTo(1);
    }

    @Test
    void anActivityTheSellerDoesNotImplementIsAnsweredNotSupportedNeverA500() {
        kit.handle(platform.v2(create("CS1", "biz-1")));
        KitResponse response = kit.handle(platform.v2(
                "{\"activity\":\"changeInstanceCheck\",\"instanceId\":\"biz-1\",\"productInfo\":{\"productId\":\"P2\"}}"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(code(response)).isEqualTo("000005");
        assertThat(json(response).path("resultMsg").asText()).contains("changeInstanceCheck").contains("not supported");
    }

    @Test
    void orderNotifyHandsTheSellerTheOrderOncePerOrderLine() {
        String notify = "{\"activity\":\"orderNotify\",\"orderId\":\"CS-N\",\"orderLineId\":\"CS-N-000001\",\"testFlag\":\"0\"}";
        assertThat(code(kit.handle(platform.v2(notify)))).isEqualTo("000000");
        assertThat(code(kit.handle(platform.v2(notify)))).isEqualTo("000000");
        assertThat(seller.callsOf(OrderNotification.class)).isEqualTo(1);
    }

    // --- verification comes before any seller code ------------------------------------------------------

    @Test
    void aWrongSignatureIs000001AndLeavesNoTrace() {
        KitRequest signed = new Platform("another-key", CLOCK).v2(create("CS1", "biz-1"));
        KitResponse response = kit.handle(signed);
        assertThat(code(response)).isEqualTo("000001");
        assertThat(seller.newInstanceCalls).hasValue(0);
        assertThat(store.instance("biz-1")).isEmpty();
        assertThat(store.operation("create:CS1:CS1-000001")).isEmpty();
    }

    @Test
    void aMissingSignatureIs000001() {
        KitRequest unsigned = new KitRequest("POST", "/saasproduce", "timestamp=" + CLOCK.millis() + "&nonce=n", null,
                create("CS1", "biz-1").getBytes(StandardCharsets.UTF_8));
        assertThat(code(kit.handle(unsigned))).isEqualTo("000001");
    }

    @Test
    void aStaleTimestampIs000002() {
        KitRequest stale = platform.v2(create("CS1", "biz-1"), String.valueOf(CLOCK.millis() - 61_000), "n-stale");
        KitResponse response = kit.handle(stale);
        assertThat(code(response)).isEqualTo("000002");
        assertThat(json(response).path("resultMsg").asText()).contains("timestamp");
        assertThat(seller.newInstanceCalls).hasValue(0);
    }

    @Test
    void aReplayedNonceIs000002() {
        KitRequest once = platform.v2(query("x"), String.valueOf(CLOCK.millis()), "nonce-1");
        kit.handle(once);
        KitResponse replay = kit.handle(once);
        assertThat(code(replay)).isEqualTo("000002");
        assertThat(json(replay).path("resultMsg").asText()).contains("nonce");
    }

    @Test
    void aMissingMandatoryFieldIs000002NamingIt() {
        KitResponse response = kit.handle(platform.v2("{\"activity\":\"newInstance\",\"orderId\":\"CS1\",\"businessId\":\"b\"}"));
        assertThat(code(response)).isEqualTo("000002");
        assertThat(json(response).path("resultMsg").asText()).contains("orderLineId");
    }

    @Test
    void anUnknownActivityIs000002() {
        KitResponse response = kit.handle(platform.v2("{\"activity\":\"expireInstance\",\"instanceId\":\"x\"}"));
        assertThat(code(response)).isEqualTo("000002");
        assertThat(json(response).path("resultMsg").asText()).contains("expireInstance");
    }

    @Test
    void malformedJsonIs000002() {
        String ts = String.valueOf(CLOCK.millis());
        byte[] body = "{\"activity\":".getBytes(StandardCharsets.UTF_8);
        String sig = org.opengallery.protocol.v2.SignatureScheme.URL.signPayload(KEY, ts, "n-bad", "{\"activity\":");
        KitResponse response = kit.handle(new KitRequest("POST", "/saasproduce",
                "signature=" + sig + "&timestamp=" + ts + "&nonce=n-bad", null, body));
        assertThat(code(response)).isEqualTo("000002");
    }

    @Test
    void aPutIsAnHttpErrorNotAProtocolAnswer() {
        assertThat(kit.handle(new KitRequest("PUT", "/saasproduce", null, null, null)).status()).isEqualTo(405);
    }

    void awaitState(String instanceId, InstanceState state) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (store.instance(instanceId).map(r -> r.state() == state).orElse(false)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(instanceId + " never became " + state);
    }
}
