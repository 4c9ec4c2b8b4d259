package org.opengallery.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
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
        // recurring tasks (the unpaid-order sweep, the instance lifecycle clock) register themselves at start
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name NOT IN ('order-unpaid-sweep', 'instance-lifecycle')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theMarketplaceReadsItsOwnConfigurationFile(@Autowired org.springframework.core.env.Environment env) {
        assertThat(env.getProperty("db-scheduler.table-name")).isEqualTo("scheduled_tasks");
    }

    @Test
    void theClockIsTheTestsClock() {
        assertThat(clock).isInstanceOf(MutableClock.class);
        assertThat(scheduler.getSchedulerState().isStarted() || !scheduler.getSchedulerState().isShuttingDown()).isTrue();
    }
}
