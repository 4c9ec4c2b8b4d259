package org.opengallery.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
class MarketplaceStartsTest {

    @Autowired JdbcClient jdbc;
    @Autowired Scheduler scheduler;
    @Autowired Clock clock;

    @Test
    void migrationsCreateTheSchedulersTable() {
        // recurring tasks (the unpaid-order sweep, the instance lifecycle clock, the dial tests, auto-renewal) register themselves at start
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name NOT IN ('order-unpaid-sweep', "
                        + "'instance-lifecycle', 'integration-dial-tests', 'order-auto-renewal')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theMarketplaceReadsItsOwnConfigurationFile(@Autowired org.springframework.core.env.Environment env) {
        assertThat(env.getProperty("db-scheduler.table-name")).isEqualTo("scheduled_tasks");
    }

    @Test
    void executionsOfANodeKilledMidTaskAreRevivedWithinHalfAMinute(@Autowired DbSchedulerProperties properties)
            throws InterruptedException {
        assertThat(properties.getHeartbeatInterval().multipliedBy(properties.getMissedHeartbeatsLimit()))
                .isLessThanOrEqualTo(Duration.ofSeconds(30));

        // What kill -9 leaves behind: an execution picked by a node whose heartbeat stopped a minute ago.
        OffsetDateTime minuteAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        assertThat(jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed-node', last_heartbeat = :t,
                            execution_time = :t WHERE task_name = 'order-unpaid-sweep'""")
                .param("t", minuteAgo).update()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String pickedBy = "killed-node";
        while ("killed-node".equals(pickedBy) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            pickedBy = jdbc.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'order-unpaid-sweep'")
                    .query(String.class).optional().orElse(null);
        }
        assertThat(pickedBy).as("revived by the live node (db-scheduler's default takes 30 min)")
                .isNotEqualTo("killed-node");
    }

    @Test
    void theClockIsTheTestsClock() {
        assertThat(clock).isInstanceOf(MutableClock.class);
        assertThat(scheduler.getSchedulerState().isStarted() || !scheduler.getSchedulerState().isShuttingDown()).isTrue();
    }
}
