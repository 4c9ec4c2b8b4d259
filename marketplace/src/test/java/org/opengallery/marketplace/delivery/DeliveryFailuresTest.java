package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.SellerKit;

/**
 * Faulty sellers: each fault yields a FAILED call with its own 异常信息, is retried, gives up when the window
 * runs out (CallGaveUp, a second and last mail), and a restart after the fix completes the delivery.
 */
class DeliveryFailuresTest extends DeliveryTestBase {

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

    private static KitResponse slow(KitRequest request) {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SellerServer.json(200, "{\"resultCode\":\"000000\",\"resultMsg\":\"late\",\"instanceId\":\"x\"}");
    }

    private void failsRetriesGivesUpAndRestarts(boolean isV1, Function<KitRequest, KitResponse> fault,
                                                boolean refused, String expectedError) throws Exception {
        RecordingSeller seller = new RecordingSeller();
        kit = isV1 ? v1Kit(seller, false) : v2Kit(seller, Duration.ofSeconds(3));
        server = SellerServer.start(fault);
        String mail = "cs-" + newSellerId() + "@seller.example.com";
        long sellerId = newSellerId();
        String url = refused ? SellerServer.refusedUrl() : server.url();
        SellerEndpoint endpoint = isV1 ? v1(sellerId, url, mail) : v2(sellerId, url, mail);
        OrderFacts order = order("NEW");

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(endpoint, order));

        // Failed with its own 异常信息, and retried on the (shortened) schedule.
        CallRow failed = awaitRetried(id, 3);
        assertThat(failed.lastError()).contains(expectedError);
        assertThat(messages.failures(sellerId)).singleElement().satisfies(m -> {
            assertThat(m.callId()).isEqualTo(id.value());
            assertThat(m.lastError()).contains(expectedError);
            assertThat(m.request()).contains(order.orderId());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(mail).size() == 1);

        // The 3-hour window runs out: GAVE_UP, CallGaveUp (committed), a second and last mail.
        clock.advance(Duration.ofHours(3).plusMinutes(1));
        CallRow gaveUp = awaitStatus(id, CallStatus.GAVE_UP);
        assertThat(gaveUp.gaveUpAt()).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.committed(DeliveryEvents.CallGaveUp.class,
                e -> e.callId().equals(id)).isEmpty());
        DeliveryEvents.CallGaveUp event = events.committed(DeliveryEvents.CallGaveUp.class, e -> e.callId().equals(id)).get(0);
        assertThat(event.activity()).isEqualTo("newInstance");
        assertThat(event.orderLineId()).isEqualTo(order.orderLineId());
        assertThat(event.lastError()).contains(expectedError);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(mail).size() == 2);
        int attempts = gaveUp.attempts();
        Thread.sleep(500);
        assertThat(row(id).attempts()).isEqualTo(attempts); // no more automatic attempts
        List<MimeMessage> mails = mailsTo(mail);
        assertThat(mails.get(0).getSubject()).contains("failed").contains(order.orderId());
        assertThat(mails.get(1).getSubject()).contains("given up");
        String body = (String) mails.get(1).getContent();
        assertThat(body).contains(expectedError).doesNotContain(isV1 ? V1_KEY : V2_KEY);

        // Fixed: the seller presses 重新启动 and the delivery completes normally.
        if (refused) {
            jdbc.update("UPDATE delivery_call SET url = ? WHERE id = ?", server.url(), id.value());
        }
        server.respondWith(kit::handle);
        messages.restart(sellerId, id);
        CallRow done = awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(done.instanceId()).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.committed(DeliveryEvents.InstanceProvisioned.class,
                e -> e.orderLineId().equals(order.orderLineId())).isEmpty());
        assertThat(messages.failures(sellerId)).isEmpty();
        assertThat(mailsTo(mail)).hasSize(2);
    }

    @Test
    void aSellerSlowerThanTheTimeoutFailsWithTimeout() throws Exception {
        failsRetriesGivesUpAndRestarts(false, DeliveryFailuresTest::slow, false, "within 1 s (timeout)");
    }

    @Test
    void http500FailsWithTheStatus() throws Exception {
        failsRetriesGivesUpAndRestarts(false, r -> SellerServer.json(500, "{\"error\":\"boom\"}"), false,
                "HTTP 500 from the production interface");
    }

    @Test
    void malformedJsonFailsAsNotTheProtocolsJson() throws Exception {
        failsRetriesGivesUpAndRestarts(false, r -> SellerServer.json(200, "{\"resultCode\":\"000000\",\"instanceId\":"),
                false, "the answer is not the protocol's JSON");
    }

    @Test
    void aWrongBodySignFailsAV1Answer() throws Exception {
        failsRetriesGivesUpAndRestarts(true, r -> {
            byte[] body = "{\"resultCode\":\"000000\",\"resultMsg\":\"ok\",\"instanceId\":\"i-1\"}"
                    .getBytes(StandardCharsets.UTF_8);
            return new KitResponse(200, Map.of("Content-Type", "application/json",
                    BodySign.HEADER, BodySign.sign("another-key", body).headerValue()), body);
        }, false, "Body-Sign does not match the answer's body");
    }

    @Test
    void aMissingBodySignFailsAV1Answer() throws Exception {
        failsRetriesGivesUpAndRestarts(true, r -> SellerServer.json(200,
                "{\"resultCode\":\"000000\",\"resultMsg\":\"ok\",\"instanceId\":\"i-1\"}"), false,
                "no Body-Sign header");
    }

    @Test
    void aRefusedConnectionFailsAsConnectionRefused() throws Exception {
        failsRetriesGivesUpAndRestarts(false, r -> SellerServer.json(500, "{}"), true, "(connection refused)");
    }

    @Test
    void aRefusalResultCodeFailsWithTheCode() throws Exception {
        failsRetriesGivesUpAndRestarts(false, r -> SellerServer.json(200,
                "{\"resultCode\":\"000106\",\"resultMsg\":\"sold out\"}"), false,
                "newInstance answered resultCode 000106");
    }

    @Test
    void lifecycleCallsGiveUpAfterOneHour() {
        server = SellerServer.start(r -> SellerServer.json(500, "{}"));
        long sellerId = newSellerId();
        CallId id = calls.releaseInstance(new DeliveryCommand.ReleaseInstance(v2(sellerId, server.url(), null), "inst-1",
                "CS1", DeliveryCommand.ReleaseInstance.ReleaseReason.UNSUBSCRIBED));
        CallRow failed = awaitRetried(id, 2);
        assertThat(Duration.between(failed.createdAt(), failed.deadlineAt())).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(61));
        awaitStatus(id, CallStatus.GAVE_UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.committed(DeliveryEvents.CallGaveUp.class,
                e -> e.callId().equals(id)).isEmpty());
    }

    @Test
    void retriesSendAFreshBusinessIdEveryTime() {
        RecordingSeller seller = new RecordingSeller();
        kit = v2Kit(seller, Duration.ofSeconds(3));
        server = SellerServer.start(r -> SellerServer.json(503, ""));
        OrderFacts order = order("NEW");
        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order));
        awaitRetried(id, 2);
        server.respondWith(kit::handle);
        awaitStatus(id, CallStatus.SUCCEEDED);
        List<String> businessIds = server.seen("newInstance", "orderLineId", order.orderLineId()).stream()
                .map(s -> s.fields().get("businessId")).toList();
        assertThat(businessIds).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    }

    @Test
    void restartingAFailedCallSendsItNowInsteadOfAtItsNextRetry() {
        server = SellerServer.start(r -> SellerServer.json(500, "{}"));
        long sellerId = newSellerId();
        CallId id = calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(v2(sellerId, server.url(), null),
                "inst-restart", "CS2", DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        awaitRetried(id, 2);
        // Push the pending retry an hour away (as a real 2..30-minute backoff would be) while the seller still fails,
        // so no retry can succeed in between; then the seller is fixed and the call restarted.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.update("UPDATE scheduled_tasks SET execution_time = ? "
                + "WHERE task_name = ? AND task_instance = ? AND picked = FALSE",
                java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofHours(1))),
                DeliveryConfiguration.TASK_NAME, id.toString()) == 1 && row(id).status() == CallStatus.FAILED);
        server.respondWith(r -> SellerServer.json(200, "{\"resultCode\":\"000000\",\"resultMsg\":\"ok\"}"));

        messages.restart(sellerId, id);

        awaitStatus(id, CallStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.committed(DeliveryEvents.CallSucceeded.class,
                e -> e.callId().equals(id)).isEmpty());
    }
}
