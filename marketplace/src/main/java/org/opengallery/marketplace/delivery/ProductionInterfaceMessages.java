package org.opengallery.marketplace.delivery;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 生产接口消息 (platform.md §4.4): a seller's failed and given-up production-interface calls with their
 * 异常信息, request and last answer, and 重新启动 — send a call again now, also after it gave up. A restart that
 * succeeds completes the delivery as usual (a create publishes InstanceAccepted / InstanceProvisioned). A restart
 * of a given-up call gets one attempt (and, for a create answered 000004, a fresh window to poll its appInfo);
 * if it fails it is GAVE_UP again without a second CallGaveUp or mail.
 */
@Service
public class ProductionInterfaceMessages {

    private static final int LIMIT = 200;

    private final CallRepository calls;
    private final SchedulerClient scheduler;
    private final CustomTask<Void> task;
    private final DeliveryProperties properties;
    private final Clock clock;

    ProductionInterfaceMessages(CallRepository calls, SchedulerClient scheduler, CustomTask<Void> task,
                                DeliveryProperties properties, Clock clock) {
        this.calls = calls;
        this.scheduler = scheduler;
        this.task = task;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The seller's failed calls, newest first (at most 200): waiting for a retry, being retried at this moment
     * (they stay listed while the retry is in flight), or given up.
     */
    @Transactional(readOnly = true)
    public List<ProductionInterfaceMessage> failures(long sellerId) {
        return calls.failingForSeller(sellerId, LIMIT).stream()
                .map(ProductionInterfaceMessage::of).toList();
    }

    /** One of the seller's calls, whatever its status. */
    @Transactional(readOnly = true)
    public Optional<ProductionInterfaceMessage> message(long sellerId, CallId callId) {
        return calls.find(callId.value()).filter(c -> c.sellerId() == sellerId).map(ProductionInterfaceMessage::of);
    }

    /**
     * 重新启动: sends the call again now.
     *
     * @throws ApiException 404 if the seller has no such call, 409 if it is not FAILED or GAVE_UP (pending,
     *                      running right now, or already succeeded)
     */
    @Transactional
    public ProductionInterfaceMessage restart(long sellerId, CallId callId) {
        CallRow call = calls.find(callId.value()).filter(c -> c.sellerId() == sellerId)
                .orElseThrow(() -> ApiException.notFound("production-interface call", callId.toString()));
        if (call.status() != CallStatus.FAILED && call.status() != CallStatus.GAVE_UP) {
            throw ApiException.conflict("not_restartable", "call " + callId + " is " + call.status()
                    + "; only FAILED and GAVE_UP calls can be restarted");
        }
        Instant now = clock.instant();
        Instant window = now.plus(call.activity().provisioningWindow() ? properties.getRetry().getProvisioningWindow()
                : properties.getRetry().getLifecycleWindow());
        if (calls.restart(call.id(), sellerId, now, window) == 0) {
            throw ApiException.conflict("not_restartable", "call " + callId + " changed meanwhile; try again");
        }
        TaskInstance<Void> instance = task.instance(Long.toString(call.id()));
        // A FAILED call has its next attempt scheduled: move it to now. A GAVE_UP call has none: schedule one.
        Optional<ScheduledExecution<Object>> scheduled = scheduler.getScheduledExecution(instance);
        if (scheduled.isPresent() && scheduled.get().isPicked()) {
            throw ApiException.conflict("not_restartable", "call " + callId + " is being sent right now");
        }
        if (scheduled.isPresent()) {
            scheduler.reschedule(instance, Instant.now());
        } else {
            scheduler.scheduleIfNotExists(instance, Instant.now());
        }
        if (scheduler instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
        return calls.find(call.id()).map(ProductionInterfaceMessage::of).orElseThrow();
    }
}
