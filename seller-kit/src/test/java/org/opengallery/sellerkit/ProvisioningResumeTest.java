package org.opengallery.sellerkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.sellerkit.Platform.code;
import static org.opengallery.sellerkit.Platform.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.InstanceState;

class ProvisioningResumeTest {

    static final String KEY = "basic-access-key";

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }
    }

    final MovableClock clock = new MovableClock();
    final InMemoryKitStore sharedStore = new InMemoryKitStore();

    SellerKit node(RecordingSeller seller) {
        return SellerKit.builder().basicKey(KEY).clock(clock).seller(seller).store(sharedStore)
                .asyncBudget(Duration.ofMillis(200)).lease(Duration.ofMinutes(1)).build();
    }

    static String create(String businessId) {
        return "{\"activity\":\"newInstance\",\"businessId\":\"" + businessId + "\",\"orderId\":\"CS-CRASH\","
                + "\"orderLineId\":\"CS-CRASH-000001\"}";
    }

    @Test
    void aCreateAbandonedByAStoppedProcessIsFinishedByTheNextOneWithTheSameInstanceId() throws Exception {
        RecordingSeller stuck = new RecordingSeller();
        stuck.provisioningGate = new CountDownLatch(1); // never opened: the process "dies" mid-provisioning
        SellerKit first = node(stuck);
        KitResponse accepted = first.handle(new Platform(KEY, clock).v2(create("biz-1")));
        assertThat(code(accepted)).isEqualTo("000004");
        first.close();

        RecordingSeller healthy = new RecordingSeller();
        SellerKit second = node(healthy);
        assertThat(second.resumeAbandoned()).as("lease still live: nothing to take over yet").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(second.resumeAbandoned()).isEqualTo(1);
        for (int i = 0; i < 100 && sharedStore.instance("biz-1").orElseThrow().state() != InstanceState.ACTIVE; i++) {
            Thread.sleep(20);
        }
        KitResponse query = second.handle(new Platform(KEY, clock).v2(
                "{\"activity\":\"queryInstance\",\"instanceId\":\"biz-1\"}"));
        assertThat(code(query)).isEqualTo("000000");
        assertThat(json(query).path("info").get(0).path("appInfo").path("frontEndUrl").asText()).endsWith("biz-1");
        assertThat(healthy.created.get(0).instanceId()).isEqualTo("biz-1");
        second.close();
        stuck.provisioningGate.countDown();
    }

    @Test
    void thePlatformsRetryAfterTheLeaseRanOutTakesOverTheAbandonedCreate() {
        RecordingSeller stuck = new RecordingSeller();
        stuck.provisioningGate = new CountDownLatch(1);
        SellerKit first = node(stuck);
        first.handle(new Platform(KEY, clock).v2(create("biz-1")));
        first.close();

        RecordingSeller healthy = new RecordingSeller();
        SellerKit second = node(healthy);
        clock.advance(Duration.ofMinutes(2));
        KitResponse retry = second.handle(new Platform(KEY, clock).v2(create("biz-2")));
        assertThat(code(retry)).isEqualTo("000000");
        assertThat(json(retry).path("instanceId").asText()).isEqualTo("biz-1");
        second.close();
        stuck.provisioningGate.countDown();
    }

    @Test
    void aRetryOnAnotherNodeWaitsForTheRunningCreateWithinItsBudget() throws Exception {
        RecordingSeller slow = new RecordingSeller();
        slow.provisioningGate = new CountDownLatch(1);
        RecordingSeller other = new RecordingSeller();
        SellerKit first = SellerKit.builder().basicKey(KEY).clock(Clock.systemUTC()).seller(slow).store(sharedStore)
                .asyncBudget(Duration.ofMillis(200)).lease(Duration.ofMinutes(10)).build();
        SellerKit second = SellerKit.builder().basicKey(KEY).clock(Clock.systemUTC()).seller(other)
                .store(sharedStore).asyncBudget(Duration.ofSeconds(2)).lease(Duration.ofMinutes(10)).build();
        assertThat(code(first.handle(new Platform(KEY, Clock.systemUTC()).v2(create("biz-1"))))).isEqualTo("000004");
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            slow.provisioningGate.countDown();
        }).start();
        KitResponse retry = second.handle(new Platform(KEY, Clock.systemUTC()).v2(create("biz-2")));
        assertThat(code(retry)).isEqualTo("000000");
        assertThat(json(retry).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(other.newInstanceCalls).as("the second node never provisions it itself").hasValue(0);
        first.close();
        second.close();
    }
}
