package org.opengallery.marketplace.integration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link DialTests#runAll()} as a db-scheduler recurring task, every {@code opengallery.integration.dial-interval}
 * (default 12 h: KooGallery dials every morning and afternoon). Stored in the shared database, so with several nodes
 * exactly one runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class DialTestSchedule {

    @Bean
    RecurringTask<Void> dialTestTask(DialTests dialTests,
            @Value("${opengallery.integration.dial-interval:12h}") Duration interval) {
        return Tasks.recurring("integration-dial-tests", FixedDelay.of(interval)).execute((task, context) -> dialTests.runAll());
    }
}
