package org.opengallery.marketplace.instance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the lifecycle clock every {@code opengallery.instance.lifecycle-interval} (default 1m) as a db-scheduler
 * recurring task: stored in the shared database, so with several nodes exactly one runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleSchedule {

    @Bean
    RecurringTask<Void> instanceLifecycleTask(InstanceLifecycle lifecycle,
            @Value("${opengallery.instance.lifecycle-interval:1m}") Duration interval) {
        return Tasks.recurring("instance-lifecycle", FixedDelay.of(interval)).execute((task, context) -> lifecycle.tick());
    }
}
