package org.opengallery.marketplace.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that executes production-interface calls: one task instance per call, id = the call's
 * id. db-scheduler picks each due execution on exactly one node (it locks the row), so several nodes on one
 * database never run the same call at once; a node that dies mid-call leaves a dead execution that another
 * node revives, and the call's status tells the revived run whether anything is left to do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    static final String TASK_NAME = "delivery-call";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    CustomTask<Void> deliveryCallTask(DeliveryExecutor executor) {
        return Tasks.custom(TASK_NAME, Void.class)
                // Only if the engine itself throws (e.g. the database is unreachable): try again later.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    var picked = context.getExecution();
                    DeliveryExecutor.Execution execution = new DeliveryExecutor.Execution(
                            picked.taskInstance.getTaskName(), picked.taskInstance.getId(), picked.version);
                    Optional<Duration> next = executor.run(Long.parseLong(instance.getId()), execution);
                    if (next.isEmpty()) {
                        // Usually deleted already, in the outcome's transaction (see DeliveryExecutor.record).
                        if (execution.removed) {
                            return (complete, operations) -> { };
                        }
                        LOG.debug("call {}: its execution was not removed with the outcome", instance.getId());
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    Instant at = Instant.now().plus(next.get());
                    return (complete, operations) -> operations.reschedule(complete, at);
                });
    }
}
