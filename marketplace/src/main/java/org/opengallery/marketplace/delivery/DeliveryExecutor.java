package org.opengallery.marketplace.delivery;

import org.opengallery.marketplace.secrets.SealedSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opengallery.protocol.message.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one attempt of a production-interface call (the db-scheduler task's body): sends it, reads the answer,
 * and records the outcome and publishes its {@link DeliveryEvents} in one transaction. Returns when to run
 * again (a retry, or the next queryInstance poll), or empty when the call is finished.
 *
 * <p>Time: the retry window (created + 3 h / 1 h) is measured with the application {@link Clock}; the delays
 * between attempts are handed to db-scheduler, which runs on real time. In production both are the system clock.
 */
@Component
class DeliveryExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryExecutor.class);

    private final CallRepository calls;
    private final SellerClient client;
    private final SealedSecrets keys;
    private final FailureMailer mailer;
    private final FailureNotices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryExecutor(CallRepository calls, SellerClient client, SealedSecrets keys, FailureMailer mailer,
                     FailureNotices notices, ApplicationEventPublisher events, TransactionTemplate tx, DeliveryProperties properties,
                     Clock clock) {
        this.calls = calls;
        this.client = client;
        this.keys = keys;
        this.mailer = mailer;
        this.notices = notices;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The db-scheduler execution being run on this thread, so a finished call's execution row is deleted in the
     * same transaction as its outcome (one commit per delivery, and outcome and completion commit together).
     */
    static final class Execution {
        final String taskName;
        final String taskInstance;
        final long version;
        boolean removed;

        Execution(String taskName, String taskInstance, long version) {
            this.taskName = taskName;
            this.taskInstance = taskInstance;
            this.version = version;
        }
    }

    private static final ThreadLocal<Execution> EXECUTION = new ThreadLocal<>();

    /**
     * Runs the call as db-scheduler's execution {@code execution}; when the call is finished and its outcome
     * recorded, the execution row is already gone ({@link Execution#removed}) and must not be removed again.
     */
    Optional<Duration> run(long id, Execution execution) {
        EXECUTION.set(execution);
        try {
            return run(id);
        } finally {
            EXECUTION.remove();
        }
    }

    /** @return the delay until the next run, or empty when the call is finished (succeeded or gave up) */
    Optional<Duration> run(long id) {
        Optional<CallRow> found = calls.find(id);
        if (found.isEmpty() || found.get().status() == CallStatus.SUCCEEDED
                || found.get().status() == CallStatus.GAVE_UP) {
            return Optional.empty();
        }
        CallRow call = found.get();
        if (call.attempts() > 0 || call.polls() > 0) {
            // Retries and polls show RUNNING while they are sent. A first attempt goes from PENDING straight to its
            // outcome: one commit less per delivery; whether an execution is running right now is db-scheduler's
            // picked flag, which restart checks.
            calls.markRunning(id, clock.instant());
        }
        String key;
        try {
            key = keys.unseal(call.sealedKey());
        } catch (IllegalStateException e) {
            return failed(call, call.phase(), null, null, null, e.getMessage());
        }
        Exchange exchange;
        try {
            exchange = call.phase() == CallRow.Phase.QUERY ? client.query(call, key)
                    : client.call(call, key);
        } catch (RuntimeException e) {
            // Our own bug or bad stored data, never the seller's answer: logged without the message (it may quote data).
            LOG.warn("production-interface call {}: cannot build or read the call: {}", call.id(), e.getClass().getName());
            return failed(call, call.phase(), null, null, null, "the marketplace could not build or read the call ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (call.phase() == CallRow.Phase.QUERY) {
            return afterQuery(call, exchange);
        }
        if (exchange.error() != null) {
            return failed(call, CallRow.Phase.CALL, exchange.request(), exchange.response(), null, exchange.error());
        }
        return switch (call.activity()) {
            case NEW_INSTANCE -> afterCreate(call, exchange, key);
            case RELEASE_INSTANCE -> exchange.success()
                    || exchange.code() == ResultCode.Known.INSTANCE_NOT_FOUND // already gone: released
                    ? succeeded(call, exchange, null) : refused(call, exchange);
            default -> exchange.success() ? succeeded(call, exchange, null) : refused(call, exchange);
        };
    }

    private Optional<Duration> afterCreate(CallRow call, Exchange exchange, String key) {
        if (!exchange.success() && !exchange.inProgress()) {
            return refused(call, exchange);
        }
        if (exchange.instanceId() == null || exchange.instanceId().isBlank()) {
            return failed(call, CallRow.Phase.CALL, exchange.request(), exchange.response(), null,
                    "newInstance answered " + exchange.code().code() + " without an instanceId");
        }
        String instanceId = exchange.instanceId();
        List<Object> published = new ArrayList<>();
        published.add(new DeliveryEvents.InstanceAccepted(call.orderId(), call.orderLineId(), instanceId));
        if (exchange.success() && exchange.appInfo() != null) {
            published.add(new DeliveryEvents.InstanceProvisioned(call.orderId(), call.orderLineId(), instanceId,
                    exchange.appInfo()));
            return record(call, CallRow.Phase.CALL, instanceId, exchange, null, CallStatus.SUCCEEDED, null, 1, 0,
                    published);
        }
        // Accepted: the appInfo comes from queryInstance. A synchronous create (000000) is queried at once, in
        // this execution, and both outcomes are recorded together (one transaction per delivery).
        if (exchange.success()) {
            Exchange query = client.query(call.withInstanceId(instanceId), key);
            if (query.success() && query.appInfo() != null) {
                published.add(new DeliveryEvents.InstanceProvisioned(call.orderId(), call.orderLineId(), instanceId,
                        query.appInfo()));
                return record(call, CallRow.Phase.QUERY, instanceId, new Exchange(exchange.request(), query.response(),
                        null, query.code(), query.resultMsg(), instanceId, query.appInfo()), null,
                        CallStatus.SUCCEEDED, null, 1, 1, published);
            }
            return record(call, CallRow.Phase.QUERY, instanceId, exchange, null, CallStatus.PENDING,
                    properties.getQuery().delay(0), 1, 1, published);
        }
        return record(call, CallRow.Phase.QUERY, instanceId, exchange, null, CallStatus.PENDING,
                properties.getQuery().delay(0), 1, 0, published);
    }

    private Optional<Duration> afterQuery(CallRow call, Exchange exchange) {
        if (exchange.error() != null) {
            return failed(call, CallRow.Phase.QUERY, null, exchange.response(), null, "queryInstance: " + exchange.error());
        }
        if (exchange.success() && exchange.appInfo() != null) {
            return record(call, CallRow.Phase.QUERY, null, exchange, null, CallStatus.SUCCEEDED, null, 0, 1,
                    List.of(new DeliveryEvents.InstanceProvisioned(call.orderId(), call.orderLineId(),
                            call.instanceId(), exchange.appInfo())));
        }
        if (!exchange.success() && !exchange.inProgress()) {
            return failed(call, CallRow.Phase.QUERY, null, exchange.response(), null, exchange.refusal("queryInstance"));
        }
        // Still provisioning (000004, or no appInfo yet): not a failure, poll again, within the window.
        Instant now = clock.instant();
        if (!now.isBefore(call.deadlineAt())) {
            return giveUp(call, CallRow.Phase.QUERY, null, exchange.response(), "the appInfo did not arrive within "
                    + "the retry window: queryInstance still answered " + exchange.code().code() + " after "
                    + (call.polls() + 1) + " polls", 0, 1);
        }
        Duration wait = min(properties.getQuery().delay(call.polls()), Duration.between(now, call.deadlineAt()));
        return record(call, CallRow.Phase.QUERY, null, exchange, call.lastError(), CallStatus.PENDING, wait, 0, 1,
                List.of());
    }

    private Optional<Duration> succeeded(CallRow call, Exchange exchange, String instanceId) {
        List<Object> published = call.activity() == Activity.ORDER_NOTIFY ? List.of()
                : List.of(new DeliveryEvents.CallSucceeded(new CallId(call.id()), call.activity().wireName(),
                        call.orderId(), call.instanceId()));
        return record(call, CallRow.Phase.CALL, instanceId, exchange, null, CallStatus.SUCCEEDED, null, 1, 0, published);
    }

    private Optional<Duration> refused(CallRow call, Exchange exchange) {
        return failed(call, CallRow.Phase.CALL, exchange.request(), exchange.response(), null,
                exchange.refusal(call.activity().wireName()));
    }

    /** A failed attempt: retry within the window, else give up. */
    private Optional<Duration> failed(CallRow call, CallRow.Phase phase, String request, String response,
                                      String instanceId, String error) {
        int attempts = phase == CallRow.Phase.CALL ? 1 : 0;
        int polls = phase == CallRow.Phase.QUERY ? 1 : 0;
        Instant now = clock.instant();
        if (call.gaveUpAt() != null) {
            // A manual restart after the give-up failed again: back to GAVE_UP, no second event or mail.
            return record(call, phase, instanceId, new Exchange(request, response, error, null, null, null, null),
                    error, CallStatus.GAVE_UP, null, attempts, polls, List.of());
        }
        if (!now.isBefore(call.deadlineAt())) {
            return giveUp(call, phase, request, response, error, attempts, polls);
        }
        Duration wait = phase == CallRow.Phase.QUERY ? properties.getQuery().delay(call.polls())
                : properties.getRetry().delay(call.attempts());
        wait = min(wait, Duration.between(now, call.deadlineAt())); // the last attempt is at the deadline
        boolean mail = !call.failureMailed();
        Optional<Duration> next = record(call, phase, instanceId, new Exchange(request, response, error, null, null,
                null, null), error, CallStatus.FAILED, wait, attempts, polls, List.of(), true);
        if (mail) {
            mailer.firstFailure(call, error, true);
            notices.firstFailure(call, error);
        }
        if (mail) {
            LOG.info("production-interface call {} ({} {}) failed, retrying until {}: {}", call.id(),
                    call.activity().wireName(), call.orderId(), call.deadlineAt(), error);
        } else {
            LOG.debug("production-interface call {} failed again, retry in {}: {}", call.id(), wait, error);
        }
        return next;
    }

    private Optional<Duration> giveUp(CallRow call, CallRow.Phase phase, String request, String response, String error,
                                      int attempts, int polls) {
        Optional<Duration> next = record(call, phase, null, new Exchange(request, response, error, null, null, null,
                null), error, CallStatus.GAVE_UP, null, attempts, polls, List.of(new DeliveryEvents.CallGaveUp(
                new CallId(call.id()), call.activity().wireName(), call.orderId(), call.orderLineId(),
                call.instanceId(), error)), true);
        mailer.gaveUp(call, error);
        notices.gaveUp(call, error);
        LOG.info("production-interface call {} ({} {}) gave up: {}", call.id(), call.activity().wireName(),
                call.orderId(), error);
        return next;
    }

    private Optional<Duration> record(CallRow call, CallRow.Phase phase, String instanceId, Exchange exchange,
                                      String error, CallStatus status, Duration wait, int attempts, int polls,
                                      List<Object> published) {
        return record(call, phase, instanceId, exchange, error, status, wait, attempts, polls, published,
                call.failureMailed());
    }

    /** Records the outcome and publishes its events in one transaction; a listener's failure is a failed attempt. */
    private Optional<Duration> record(CallRow call, CallRow.Phase phase, String instanceId, Exchange exchange,
                                      String error, CallStatus status, Duration wait, int attempts, int polls,
                                      List<Object> published, boolean failureMailed) {
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(s -> {
                calls.recordOutcome(call.id(), phase, instanceId, exchange.request(), exchange.response(), error,
                        status, wait == null ? null : now.plus(wait), attempts, polls, failureMailed,
                        status == CallStatus.GAVE_UP ? now : null, status == CallStatus.SUCCEEDED ? now : null, now);
                published.forEach(events::publishEvent);
                Execution execution = EXECUTION.get();
                if (wait == null && execution != null) {
                    // Finished: the execution goes with the outcome. Only the version this node picked is deleted;
                    // if it is not there any more (revived elsewhere), db-scheduler's own completion runs as before.
                    execution.removed = calls.removeExecution(execution.taskName, execution.taskInstance,
                            execution.version);
                }
            });
        } catch (RuntimeException e) {
            Execution execution = EXECUTION.get();
            if (execution != null) {
                execution.removed = false; // rolled back with the outcome
            }
            String why = "the marketplace could not record the outcome (" + e.getClass().getSimpleName()
                    + "); the call is sent again";
            LOG.warn("production-interface call {}: {}", call.id(), why, e);
            Duration retry = properties.getRetry().getInitialInterval();
            calls.recordOutcome(call.id(), call.phase(), null, exchange.request(), exchange.response(), why,
                    CallStatus.FAILED, now.plus(retry), 0, 0, call.failureMailed(), null, null, now);
            return Optional.of(retry);
        }
        return wait == null ? Optional.empty() : Optional.of(wait);
    }

    private static Duration min(Duration a, Duration b) {
        return b.isNegative() ? Duration.ZERO : a.compareTo(b) <= 0 ? a : b;
    }
}
