package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's transactional and cluster guarantees. */
class DeliveryTransactionsTest extends DeliveryTestBase {

    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;
    @Autowired CustomTask<Void> task;

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

    private void serveKit(RecordingSeller seller) {
        kit = v2Kit(seller, Duration.ofSeconds(3));
        server = SellerServer.start(kit::handle);
    }

    private long scheduled(CallId id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                Long.class, DeliveryConfiguration.TASK_NAME, id.toString());
    }

    private long rows(CallId id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call WHERE id = ?", Long.class, id.value());
    }

    @Test
    void aCallerTransactionThatRollsBackLeavesNoCallAndNoScheduledExecution() throws Exception {
        serveKit(new RecordingSeller());
        OrderFacts order = order("NEW");
        AtomicReference<CallId> id = new AtomicReference<>();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            id.set(calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order)));
            assertThat(rows(id.get())).isOne();           // written on the caller's connection ...
            assertThat(scheduled(id.get())).isOne();
            throw new IllegalStateException("the payment failed");
        })).hasMessage("the payment failed");

        assertThat(rows(id.get())).isZero();               // ... and rolled back with it
        assertThat(scheduled(id.get())).isZero();
        Thread.sleep(600);                                  // several scheduler polls
        assertThat(server.seen).isEmpty();
    }

    @Test
    void aWaveOfStatusChangesIsWrittenInTheCallersTransactionAndEachIsSentOnce() {
        RecordingSeller seller = new RecordingSeller();
        serveKit(seller);
        long sellerId = newSellerId();
        List<DeliveryCommand.UpdateInstanceStatus> freezes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OrderFacts order = order("NEW");
            CallId create = calls.newInstance(new DeliveryCommand.NewInstance(v2(sellerId, server.url(), null), order));
            String instanceId = awaitStatus(create, CallStatus.SUCCEEDED).instanceId();
            freezes.add(new DeliveryCommand.UpdateInstanceStatus(v2(sellerId, server.url(), null), instanceId,
                    order.orderId(), DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        }
        AtomicReference<List<CallId>> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            rolledBack.set(calls.updateInstanceStatuses(freezes));
            rolledBack.get().forEach(id -> {
                assertThat(rows(id)).isOne();
                assertThat(scheduled(id)).isOne();
            });
            throw new IllegalStateException("the lifecycle pass failed");
        })).hasMessage("the lifecycle pass failed");
        assertThat(rolledBack.get()).hasSize(5).doesNotHaveDuplicates();
        rolledBack.get().forEach(id -> {
            assertThat(rows(id)).isZero();
            assertThat(scheduled(id)).isZero();
        });

        List<CallId> ids = tx.execute(status -> calls.updateInstanceStatuses(freezes));

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        for (int i = 0; i < ids.size(); i++) {
            CallRow row = awaitStatus(ids.get(i), CallStatus.SUCCEEDED);
            assertThat(row.instanceId()).isEqualTo(freezes.get(i).instanceId());  // each id is its own command's call
            assertThat(row.activity()).isEqualTo(Activity.UPDATE_INSTANCE_STATUS);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(scheduled(ids.get(i))).isZero();
        }
        assertThat(seller.statusUpdates).extracting(u -> u.instanceId())
                .containsExactlyInAnyOrderElementsOf(freezes.stream().map(f -> f.instanceId()).toList());
    }

    /** Counts on another connection of the pool, outside Spring's transaction. */
    private long countOutside(String from) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallIsInvisibleToOthersUntilTheCallerCommits() {
        RecordingSeller seller = new RecordingSeller();
        serveKit(seller);
        OrderFacts order = order("NEW");
        CallId id = tx.execute(status -> {
            CallId inside = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order));
            assertThat(countOutside("scheduled_tasks WHERE task_instance = '" + inside + "'")).isZero();
            assertThat(countOutside("delivery_call WHERE id = " + inside.value())).isZero();
            return inside;
        });
        awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(scheduled(id)).isZero();                  // finished executions are removed
        assertThat(seller.creates).hasSize(1);
    }

    @Test
    void eventsArePublishedInsideTheTransactionThatRecordsTheOutcome() {
        RecordingSeller seller = new RecordingSeller();
        serveKit(seller);
        OrderFacts order = order("NEW");
        // The first InstanceProvisioned listener call throws: the outcome rolls back and the call runs again.
        events.trap = e -> e instanceof DeliveryEvents.InstanceProvisioned p && p.orderLineId().equals(order.orderLineId());

        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order));

        awaitStatus(id, CallStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.committed(DeliveryEvents.InstanceProvisioned.class,
                e -> e.orderLineId().equals(order.orderLineId())).isEmpty());
        List<EventLog.Published> mine = events.published.stream().filter(p -> p.event() instanceof DeliveryEvents.InstanceProvisioned e
                && e.orderLineId().equals(order.orderLineId())).toList();
        assertThat(mine).hasSize(2).allMatch(EventLog.Published::inTransaction);
        assertThat(events.committed(DeliveryEvents.InstanceProvisioned.class,
                e -> e.orderLineId().equals(order.orderLineId()))).hasSize(1);  // the rolled-back one never committed
        assertThat(seller.creates).hasSize(1);               // the seller is idempotent; the kit kept one instance
    }

    @Test
    void twoNodesOnOneDatabaseNeverRunTheSameCall() {
        RecordingSeller seller = new RecordingSeller();
        serveKit(seller);
        Scheduler secondNode = Scheduler.create(dataSource, task)
                .schedulerName(new SchedulerName.Fixed("second-node"))
                .threads(8)
                .pollingInterval(Duration.ofMillis(50))
                .build();
        secondNode.start();
        try {
            long sellerId = newSellerId();
            List<OrderFacts> orders = new ArrayList<>();
            List<CallId> ids = tx.execute(status -> {
                List<CallId> written = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    OrderFacts order = order("NEW");
                    orders.add(order);
                    written.add(calls.newInstance(new DeliveryCommand.NewInstance(v2(sellerId, server.url(), null), order)));
                }
                return written;
            });
            ids.forEach(id -> awaitStatus(id, CallStatus.SUCCEEDED));
            // Never the same call twice at once: a line sent again must be a retry, which comes only after the
            // first send timed out (1 s here; a loaded machine may get there), never while it is in flight. Measured
            // where the seller received them, and a loaded machine delivers the first late: so at least half the
            // timeout apart (a concurrent double send would be milliseconds apart).
            Map<String, List<Long>> sendsPerLine = server.seen.stream().filter(s -> "newInstance".equals(s.activity()))
                    .collect(Collectors.groupingBy(s -> s.fields().get("orderLineId"),
                            Collectors.mapping(SellerServer.Seen::receivedNanos, Collectors.toList())));
            assertThat(sendsPerLine).hasSize(60);
            sendsPerLine.forEach((line, sent) -> {
                List<Long> sorted = sent.stream().sorted().toList();
                for (int i = 1; i < sorted.size(); i++) {
                    assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1))).as(line + " sent again while in flight")
                            .isGreaterThanOrEqualTo(Duration.ofMillis(500));
                }
            });
            for (int i = 0; i < ids.size(); i++) {
                assertThat(row(ids.get(i)).attempts()).as("attempts recorded for every send")
                        .isEqualTo(sendsPerLine.get(orders.get(i).orderLineId()).size());
            }
            assertThat(seller.creates).hasSize(60);
        } finally {
            secondNode.stop();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.opengallery.marketplace.secrets.SealedSecrets secrets;

    @Test
    void sellerKeysAreNeverStoredInClear() {
        serveKit(new RecordingSeller());
        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(newSellerId(), server.url(), null), order("NEW")));
        awaitStatus(id, CallStatus.SUCCEEDED);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM delivery_call WHERE id = ?", id.value());
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(V2_KEY));
        assertThat(secrets.unseal(String.valueOf(row.get("seller_key_enc")))).isEqualTo(V2_KEY);
        assertThat(String.valueOf(row.get("request"))).doesNotContain("signature");
    }
}
