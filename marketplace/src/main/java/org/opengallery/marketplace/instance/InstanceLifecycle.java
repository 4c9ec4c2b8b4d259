package org.opengallery.marketplace.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryCommand.ReleaseInstance.ReleaseReason;
import org.opengallery.marketplace.delivery.DeliveryCommand.UpdateInstanceStatus.Status;
import org.opengallery.marketplace.delivery.ProductionInterfaceCalls;
import org.opengallery.marketplace.delivery.SellerEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.opengallery.marketplace.web.ApiException;

/**
 * The lifecycle clock: freezes RUNNING instances whose expiry has passed (updateInstanceStatus FREEZE) and releases
 * FROZEN ones once the freeze period after the expiry is over (releaseInstance EXPIRED). Time is the injected
 * {@link Clock}; {@link LifecycleSchedule} runs it as a db-scheduler recurring task, so one node at a time runs it, and each instance moves
 * with a conditional UPDATE in the transaction that writes its call (a chunk of instances per transaction, see
 * {@link #CHUNK}), so a crash or a concurrent run never sends a call twice.
 * An instance frozen for a violation has an expiry in the future and is therefore never released by the clock.
 */
@Service
public class InstanceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceLifecycle.class);

    private final JdbcClient jdbc;
    /** For the JDBC batches of a wave of expiries (JdbcClient has none). */
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Instances instances;
    private final Catalog catalog;
    /** Resolved on first use (the engine depends on this capability too), then kept: one bean lookup, not one per call. */
    private final java.util.function.Supplier<ProductionInterfaceCalls> calls;
    private final TransactionTemplate transaction;
    private final ReleaseNotices notices;
    private final Clock clock;
    private final Duration freezePeriod;
    /** How many chunks of instances one pass moves at once (each chunk in its own transaction). */
    private final int parallelism;

    public InstanceLifecycle(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Instances instances,
            Catalog catalog,
            ObjectProvider<ProductionInterfaceCalls> calls, TransactionTemplate transaction, ReleaseNotices notices,
            Clock clock,
            @Value("${opengallery.instance.freeze-period:15d}") Duration freezePeriod,
            @Value("${opengallery.instance.lifecycle-parallelism:4}") int parallelism) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.instances = instances;
        this.catalog = catalog;
        this.calls = org.springframework.util.function.SingletonSupplier.of(calls::getObject);
        this.transaction = transaction;
        this.notices = notices;
        this.clock = clock;
        this.freezePeriod = freezePeriod;
        this.parallelism = Math.max(1, parallelism);
    }

    public Duration freezePeriod() {
        return freezePeriod;
    }

    /** One pass of the clock; returns how many instances it moved. */
    public int tick() {
        Instant now = clock.instant();
        List<Long> expired = jdbc.sql("""
                SELECT instance_key FROM instance
                WHERE status = 'RUNNING' AND expire_time IS NOT NULL AND expire_time <= :now ORDER BY instance_key""")
                .param("now", Instances.at(now)).query(Long.class).list();
        // One pass resolves each product's seller endpoint (address, key) once, not once per instance.
        java.util.Map<Long, SellerEndpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
        int moved = moveAll(expired, chunk -> freezeExpired(chunk, now, endpoints));
        Instant releaseBefore = now.minus(freezePeriod);
        List<Long> overdue = jdbc.sql("""
                SELECT instance_key FROM instance
                WHERE status = 'FROZEN' AND expire_time <= :cutoff ORDER BY instance_key""")
                .param("cutoff", Instances.at(releaseBefore)).query(Long.class).list();
        moved += moveAll(overdue, chunk -> {
            int released = 0;
            for (long key : chunk) {
                released += releaseOverdue(key, now, releaseBefore, endpoints) ? 1 : 0;
            }
            return released;
        });
        if (moved > 0) {
            log.info("lifecycle clock froze or released {} instance(s)", moved);
        }
        return moved;
    }

    /**
     * How many instances one transaction moves. A wave of expiries (many instances bought at the same time) costs
     * one commit per chunk instead of one per instance; each move is still its own conditional UPDATE with its call
     * written in the same transaction, so a crash rolls a chunk back whole and the next pass moves it again.
     */
    static final int CHUNK = 50;

    /**
     * Moves the instances in chunks of {@link #CHUNK}, each chunk in one transaction, spread over
     * {@code parallelism} threads, so a wave is not bounded by one transaction's round trips at a time. Each move is
     * a conditional UPDATE on the expected state, so the order between them does not matter; chunks are disjoint
     * and each locks its instances in key order.
     */
    private int moveAll(List<Long> keys, java.util.function.ToIntFunction<List<Long>> move) {
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
        if (chunks.size() < 2 || parallelism == 1) {
            int moved = 0;
            for (List<Long> chunk : chunks) {
                moved += moveChunk(chunk, move);
            }
            return moved;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < chunks.size(); ) {
                moved.addAndGet(moveChunk(chunks.get(i), move));
            }
        };
        int threads = Math.min(parallelism, chunks.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads - 1);
        try {
            List<java.util.concurrent.Future<?>> others = new java.util.ArrayList<>();
            for (int t = 1; t < threads; t++) {
                others.add(pool.submit(worker));
            }
            worker.run();
            for (java.util.concurrent.Future<?> f : others) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdown();
        }
        return moved.get();
    }

    /**
     * One chunk in one transaction. If any move in it fails, nothing of the chunk was written (rolled back), and
     * each instance is moved again in its own transaction: one instance's failure (e.g. the seller's key was
     * deleted) must not hold up the others.
     */
    private int moveChunk(List<Long> chunk, java.util.function.ToIntFunction<List<Long>> move) {
        if (chunk.size() > 1) {
            try {
                Integer moved = transaction.execute(tx -> move.applyAsInt(chunk));
                return moved == null ? 0 : moved;
            } catch (RuntimeException e) {
                log.debug("lifecycle clock: a chunk of {} instances failed ({}); moving them one by one", chunk.size(),
                        e.getClass().getSimpleName());
            }
        }
        int moved = 0;
        for (long key : chunk) {
            moved += step(key, () -> transaction.execute(tx -> move.applyAsInt(List.of(key)) == 1));
        }
        return moved;
    }

    /** One instance's move; its failure (e.g. the seller's key was deleted) must not hold up the others. */
    private static int step(long key, java.util.function.Supplier<Boolean> move) {
        try {
            return Boolean.TRUE.equals(move.get()) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("lifecycle clock could not move instance {} ({}); it is retried on the next pass", key,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    /**
     * Freezes a RUNNING instance for a violation (服务监管): updateInstanceStatus FREEZE. Its expiry stays ahead, so
     * the clock does not release it and a renewal does not unfreeze it; {@link #liftViolationFreeze} does.
     */
    @Transactional
    public void freezeForViolation(String instanceId) {
        Instance i = instances.byInstanceId(instanceId).orElseThrow(() -> ApiException.notFound("instance", instanceId));
        Instant now = clock.instant();
        boolean frozen = jdbc.sql("""
                UPDATE instance SET status = 'FROZEN', frozen_at = :now
                WHERE instance_key = :key AND status = 'RUNNING' AND (expire_time IS NULL OR expire_time > :now)""")
                .param("now", Instances.at(now)).param("key", i.key()).update() == 1;
        if (!frozen) {
            throw ApiException.conflict("not_freezable", "instance " + instanceId + " is " + i.status()
                    + (i.status() == InstanceStatus.RUNNING ? " but has expired" : "") + "; only running instances are frozen");
        }
        calls.get().updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                catalog.endpointFor(i.catalogProductId()), instanceId, i.lastOrderId(), Status.FREEZE));
    }

    /** Lifts a violation freeze: RUNNING again and updateInstanceStatus UNFREEZE (if it has not expired meanwhile). */
    @Transactional
    public void liftViolationFreeze(String instanceId) {
        Instance i = instances.byInstanceId(instanceId).orElseThrow(() -> ApiException.notFound("instance", instanceId));
        Instant now = clock.instant();
        boolean lifted = jdbc.sql("""
                UPDATE instance SET status = 'RUNNING', frozen_at = NULL
                WHERE instance_key = :key AND status = 'FROZEN' AND (expire_time IS NULL OR expire_time > :now)""")
                .param("now", Instances.at(now)).param("key", i.key()).update() == 1;
        if (!lifted) {
            throw ApiException.conflict("not_violation_frozen", "instance " + instanceId + " is " + i.status()
                    + " and not frozen for a violation");
        }
        calls.get().updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                catalog.endpointFor(i.catalogProductId()), instanceId, i.lastOrderId(), Status.UNFREEZE));
    }

    /**
     * Freezes the chunk's instances that are still RUNNING and expired, and writes their FREEZE calls: the conditional
     * UPDATEs go as one JDBC batch (each keeps its own row count, so only the instances this pass moved get a
     * call), the moved instances are read back in one statement (locked by this transaction, so current), and
     * their calls are written as one batch too.
     */
    private int freezeExpired(List<Long> keys, Instant now, java.util.Map<Long, SellerEndpoint> endpoints) {
        java.time.OffsetDateTime at = Instances.at(now);
        int[] counts = batch.batchUpdate("""
                UPDATE instance SET status = 'FROZEN', frozen_at = ?
                WHERE instance_key = ? AND status = 'RUNNING' AND expire_time <= ?""", keys, keys.size(),
                (ps, key) -> {
                    ps.setObject(1, at);
                    ps.setLong(2, key);
                    ps.setObject(3, at);
                })[0];
        List<Long> frozen = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (counts[i] == 1) {
                frozen.add(keys.get(i));
            }
        }
        if (frozen.isEmpty()) {
            return 0;
        }
        List<DeliveryCommand.UpdateInstanceStatus> freezes = new java.util.ArrayList<>();
        for (Instance i : instances.byKeys(frozen)) {
            freezes.add(new DeliveryCommand.UpdateInstanceStatus(
                    endpoints.computeIfAbsent(i.catalogProductId(), catalog::endpointFor), i.instanceId(),
                    i.lastOrderId(), Status.FREEZE));
        }
        calls.get().updateInstanceStatuses(freezes);
        return freezes.size();
    }

    private boolean releaseOverdue(long key, Instant now, Instant releaseBefore,
            java.util.Map<Long, SellerEndpoint> endpoints) {
        boolean released = jdbc.sql("""
                UPDATE instance SET status = 'RELEASED', released_at = :now
                WHERE instance_key = :key AND status = 'FROZEN' AND expire_time <= :cutoff""")
                .param("now", Instances.at(now)).param("key", key).param("cutoff", Instances.at(releaseBefore))
                .update() == 1;
        if (released) {
            Instance i = instances.byKey(key).orElseThrow();
            calls.get().releaseInstance(new DeliveryCommand.ReleaseInstance(
                    endpoints.computeIfAbsent(i.catalogProductId(), catalog::endpointFor), i.instanceId(), null,
                    ReleaseReason.EXPIRED));
            notices.released(i);
        }
        return released;
    }
}
