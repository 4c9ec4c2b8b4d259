package org.opengallery.marketplace.delivery;

import org.opengallery.marketplace.secrets.SealedSecrets;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link ProductionInterfaceCalls}: each method inserts the call row and schedules its db-scheduler execution
 * in the caller's transaction (REQUIRED: joins it, or makes its own). db-scheduler's Spring Boot starter wraps
 * the DataSource in a TransactionAwareDataSourceProxy, so its insert into scheduled_tasks runs on the caller's
 * connection and rolls back with it. Two statements per call (two inserts); after the commit the local scheduler is woken so
 * the call goes out at once instead of at the next poll.
 */
@Service
@Transactional
class DeliveryEngine implements ProductionInterfaceCalls {

    private static final Set<String> NOTIFIED_ORDER_TYPES = Set.of("NEW", "RENEW", "CHANGE", "UNSUBSCRIBE");

    private final CallRepository calls;
    private final SealedSecrets keys;
    private final SchedulerClient scheduler;
    private final CustomTask<Void> task;
    private final OrderNotificationSettings notifications;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryEngine(CallRepository calls, SealedSecrets keys, SchedulerClient scheduler, CustomTask<Void> task,
                   OrderNotificationSettings notifications, DeliveryProperties properties, Clock clock) {
        this.calls = calls;
        this.keys = keys;
        this.scheduler = scheduler;
        this.task = task;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public CallId newInstance(DeliveryCommand.NewInstance command) {
        Objects.requireNonNull(command.order(), "order");
        return submit(Activity.NEW_INSTANCE, command.endpoint(), command);
    }

    @Override
    public CallId refreshInstance(DeliveryCommand.RefreshInstance command) {
        Objects.requireNonNull(command.instanceId(), "instanceId");
        Objects.requireNonNull(command.newExpireTime(), "newExpireTime");
        return submit(Activity.REFRESH_INSTANCE, command.endpoint(), command);
    }

    @Override
    public CallId updateInstanceStatus(DeliveryCommand.UpdateInstanceStatus command) {
        Objects.requireNonNull(command.instanceId(), "instanceId");
        Objects.requireNonNull(command.status(), "status");
        return submit(Activity.UPDATE_INSTANCE_STATUS, command.endpoint(), command);
    }

    /** The calls of a wave of expiries: written as one batch of rows and one batch of executions. */
    @Override
    public List<CallId> updateInstanceStatuses(List<DeliveryCommand.UpdateInstanceStatus> commands) {
        if (commands.size() < 2) {
            return commands.stream().map(this::updateInstanceStatus).toList();
        }
        Instant now = clock.instant();
        Instant deadline = now.plus(properties.getRetry().getLifecycleWindow());
        java.util.Map<String, String> sealed = new java.util.HashMap<>(); // one seal per key, not per call
        List<CallRepository.NewCall> rows = new java.util.ArrayList<>(commands.size());
        for (DeliveryCommand.UpdateInstanceStatus command : commands) {
            Objects.requireNonNull(command.instanceId(), "instanceId");
            Objects.requireNonNull(command.status(), "status");
            SellerEndpoint endpoint = Objects.requireNonNull(command.endpoint(), "endpoint");
            rows.add(new CallRepository.NewCall(Activity.UPDATE_INSTANCE_STATUS, endpoint,
                    sealed.computeIfAbsent(endpoint.key(), keys::seal), StoredCommand.of(command), now, deadline));
        }
        List<Long> ids = calls.insertAll(rows);
        scheduler.scheduleBatch(ids.stream().<TaskInstance<?>>map(id -> task.instance(Long.toString(id))).toList(),
                Instant.now());
        wakeAfterCommit();
        return ids.stream().map(CallId::new).toList();
    }

    @Override
    public CallId releaseInstance(DeliveryCommand.ReleaseInstance command) {
        Objects.requireNonNull(command.instanceId(), "instanceId");
        return submit(Activity.RELEASE_INSTANCE, command.endpoint(), command);
    }

    @Override
    public CallId upgradeInstance(DeliveryCommand.UpgradeInstance command) {
        Objects.requireNonNull(command.instanceId(), "instanceId");
        Objects.requireNonNull(command.order(), "order");
        return submit(Activity.UPGRADE_INSTANCE, command.endpoint(), command);
    }

    @Override
    public void orderCreated(DeliveryCommand.OrderCreated command) {
        notifyOrder(command);
    }

    /**
     * The order notification for this order, if the seller configured an address for its product or access
     * type (product level wins; one notification per order).
     */
    Optional<CallId> notifyOrder(DeliveryCommand.OrderCreated command) {
        Objects.requireNonNull(command.order(), "order");
        if (!NOTIFIED_ORDER_TYPES.contains(command.order().orderType())) {
            return Optional.empty();
        }
        return notifications.addressFor(command.endpoint().sellerId(), command.productId(), command.accessType())
                .map(address -> submit(Activity.ORDER_NOTIFY, new SellerEndpoint(command.endpoint().sellerId(),
                        address.url(), address.version(), address.key(), command.endpoint().encryptType(),
                        command.endpoint().customerServiceEmail()), command));
    }

    private CallId submit(Activity activity, SellerEndpoint endpoint, DeliveryCommand command) {
        Objects.requireNonNull(endpoint, "endpoint");
        Instant now = clock.instant();
        Instant deadline = now.plus(activity.provisioningWindow() ? properties.getRetry().getProvisioningWindow()
                : properties.getRetry().getLifecycleWindow());
        long id = calls.insert(activity, endpoint, keys.seal(endpoint.key()), StoredCommand.of(command), now, deadline);
        // A fresh id never exists: a plain insert (schedule() would first look for an existing execution).
        scheduler.scheduleBatch(List.<TaskInstance<?>>of(task.instance(Long.toString(id))), Instant.now());
        wakeAfterCommit();
        return new CallId(id);
    }

    private void wakeAfterCommit() {
        if (!(scheduler instanceof Scheduler local)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // One wake-up per transaction, however many calls it wrote.
            Object marker = TransactionSynchronizationManager.getResource(DeliveryEngine.class);
            if (marker == null) {
                TransactionSynchronizationManager.bindResource(DeliveryEngine.class, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(DeliveryEngine.class);
                        if (status == STATUS_COMMITTED) {
                            local.triggerCheckForDueExecutions();
                        }
                    }
                });
            }
        } else {
            local.triggerCheckForDueExecutions();
        }
    }
}
