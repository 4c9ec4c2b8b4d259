package org.opengallery.marketplace.instance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryCommand.ReleaseInstance.ReleaseReason;
import org.opengallery.marketplace.delivery.DeliveryCommand.UpdateInstanceStatus.Status;
import org.opengallery.marketplace.delivery.ProductionInterfaceCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle clock: freezes RUNNING instances whose expiry has passed (updateInstanceStatus FREEZE) and releases
 * FROZEN ones once the freeze period after the expiry is over (releaseInstance EXPIRED). Time is the injected
 * {@link Clock}; the job is a db-scheduler recurring task, so one node at a time runs it, and each instance moves
 * in its own transaction with a conditional UPDATE, so a crash or a concurrent run never sends a call twice.
 * An instance frozen for a violation has an expiry in the future and is therefore never released by the clock.
 */
@Configuration(proxyBeanMethods = false)
public class InstanceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceLifecycle.class);

    private final JdbcClient jdbc;
    private final Instances instances;
    private final Catalog catalog;
    private final ObjectProvider<ProductionInterfaceCalls> calls;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration freezePeriod;

    public InstanceLifecycle(JdbcClient jdbc, Instances instances, Catalog catalog,
            ObjectProvider<ProductionInterfaceCalls> calls, TransactionTemplate transaction, Clock clock,
            @Value("${opengallery.instance.freeze-period:15d}") Duration freezePeriod) {
        this.jdbc = jdbc;
        this.instances = instances;
        this.catalog = catalog;
        this.calls = calls;
        this.transaction = transaction;
        this.clock = clock;
        this.freezePeriod = freezePeriod;
    }

    @Bean
    RecurringTask<Void> instanceLifecycleTask(
            @Value("${opengallery.instance.lifecycle-interval:1m}") Duration interval) {
        return Tasks.recurring("instance-lifecycle", FixedDelay.of(interval)).execute((task, context) -> tick());
    }

    public Duration freezePeriod() {
        return freezePeriod;
    }

    /** One pass of the clock; returns how many instances it moved. */
    public int tick() {
        Instant now = clock.instant();
        int moved = 0;
        List<Long> expired = jdbc.sql("""
                SELECT instance_key FROM instance
                WHERE status = 'RUNNING' AND expire_time IS NOT NULL AND expire_time <= :now ORDER BY instance_key""")
                .param("now", Instances.at(now)).query(Long.class).list();
        for (long key : expired) {
            moved += transaction.execute(tx -> freezeExpired(key, now)) ? 1 : 0;
        }
        Instant releaseBefore = now.minus(freezePeriod);
        List<Long> overdue = jdbc.sql("""
                SELECT instance_key FROM instance
                WHERE status = 'FROZEN' AND expire_time <= :cutoff ORDER BY instance_key""")
                .param("cutoff", Instances.at(releaseBefore)).query(Long.class).list();
        for (long key : overdue) {
            moved += transaction.execute(tx -> releaseOverdue(key, now, releaseBefore)) ? 1 : 0;
        }
        if (moved > 0) {
            log.info("lifecycle clock froze or released {} instance(s)", moved);
        }
        return moved;
    }

    private boolean freezeExpired(long key, Instant now) {
        boolean frozen = jdbc.sql("""
                UPDATE instance SET status = 'FROZEN', frozen_at = :now
                WHERE instance_key = :key AND status = 'RUNNING' AND expire_time <= :now""")
                .param("now", Instances.at(now)).param("key", key).update() == 1;
        if (frozen) {
            Instance i = instances.byKey(key).orElseThrow();
            calls.getObject().updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                    catalog.endpointFor(i.catalogProductId()), i.instanceId(), i.lastOrderId(), Status.FREEZE));
        }
        return frozen;
    }

    private boolean releaseOverdue(long key, Instant now, Instant releaseBefore) {
        boolean released = jdbc.sql("""
                UPDATE instance SET status = 'RELEASED', released_at = :now
                WHERE instance_key = :key AND status = 'FROZEN' AND expire_time <= :cutoff""")
                .param("now", Instances.at(now)).param("key", key).param("cutoff", Instances.at(releaseBefore))
                .update() == 1;
        if (released) {
            Instance i = instances.byKey(key).orElseThrow();
            calls.getObject().releaseInstance(new DeliveryCommand.ReleaseInstance(
                    catalog.endpointFor(i.catalogProductId()), i.instanceId(), null, ReleaseReason.EXPIRED));
        }
        return released;
    }
}
