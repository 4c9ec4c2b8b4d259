package org.opengallery.sellerkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.store.Claim;
import org.opengallery.sellerkit.store.InstanceRecord;
import org.opengallery.sellerkit.store.InstanceState;
import org.opengallery.sellerkit.store.Operation;
import org.opengallery.sellerkit.store.OperationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates instances exactly once per idempotency key and within the platform's patience: the seller's code
 * runs on the kit's executor; the request waits for it until its deadline (the async budget, below KooGallery's
 * 5 s timeout) and otherwise answers "being processed" while the work finishes in the background. Retries and
 * concurrent duplicates of the same create join the running work instead of starting their own; a process
 * that dies mid-way leaves its claim to expire, and {@link #resume} (or the platform's next retry) takes it over
 * with the same instanceId.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final KitSettings settings;
    private final Map<String, CompletableFuture<Delivery>> running = new ConcurrentHashMap<>();

    public Provisioner(KitSettings settings) {
        this.settings = settings;
    }

    /**
     * Provisions under {@code key}, answering by {@code deadline}.
     *
     * @param candidateId the instanceId to use if this is the first request (KooGallery recommends the first
     *                    request's businessId)
     * @param orderFor    builds the seller's view of the order for the instanceId finally chosen
     */
    public Delivery provision(String key, String candidateId, ProvisioningRequest request,
                              Function<String, NewInstance> orderFor, Instant deadline) {
        Claim claim = settings.store().claim(key, candidateId, request.toJson(), now(), settings.lease());
        if (claim instanceof Claim.AlreadyDone done) {
            return delivered(done.operation().instanceId());
        }
        String instanceId = claim.operation().instanceId();
        CompletableFuture<Delivery> work = claim instanceof Claim.Claimed
                ? start(key, instanceId, claim.operation().attempts(), request, orderFor)
                : running.get(key);
        Delivery delivery = work == null
                ? awaitElsewhere(key, instanceId, deadline)
                : await(work, instanceId, deadline);
        if (delivery instanceof Delivery.Pending) {
            // The platform polls queryInstance after "being processed": make sure it finds the instance.
            Instant at = now();
            settings.store().saveInstanceIfAbsent(new InstanceRecord(instanceId, request.orderId(),
                    request.orderLineId(), null, InstanceState.PROVISIONING, null, null, null, at, at));
        }
        return delivery;
    }

    /** Takes over creates abandoned by dead processes and finishes them in the background. */
    public int resume(Function<ProvisioningRequest, Function<String, NewInstance>> rebuild) {
        int resumed = 0;
        for (Operation op : settings.store().abandoned(now())) {
            if (!op.key().startsWith("create:") && !op.key().startsWith("license:") || op.requestJson() == null) {
                continue;
            }
            Claim claim = settings.store().claim(op.key(), op.instanceId(), op.requestJson(), now(), settings.lease());
            if (claim instanceof Claim.Claimed) {
                ProvisioningRequest request = ProvisioningRequest.fromJson(op.requestJson());
                LOG.info("resuming provisioning of instance {} for order {} left by a stopped process",
                        op.instanceId(), request.orderId());
                start(op.key(), op.instanceId(), claim.operation().attempts(), request, rebuild.apply(request));
                resumed++;
            }
        }
        return resumed;
    }

    private CompletableFuture<Delivery> start(String key, String instanceId, int attempts, ProvisioningRequest request,
                                              Function<String, NewInstance> orderFor) {
        if (attempts > 1) {
            // Taking over a failed or abandoned create: reset its record. A first create writes none until it
            // answers "being processed" (see pending), which saves a commit on every fast create.
            Instant at = now();
            settings.store().saveInstance(new InstanceRecord(instanceId, request.orderId(), request.orderLineId(), null,
                    InstanceState.PROVISIONING, null, null, null, at, at));
        }
        CompletableFuture<Delivery> work = CompletableFuture.supplyAsync(
                () -> run(key, instanceId, request, orderFor), settings.executor());
        running.put(key, work);
        work.whenComplete((result, error) -> running.remove(key, work));
        return work;
    }

    private Delivery run(String key, String instanceId, ProvisioningRequest request,
                         Function<String, NewInstance> orderFor) {
        String activity = request.license() ? "getLicense" : "newInstance";
        String subject = "order " + request.orderId();
        NewInstance order;
        try {
            order = orderFor.apply(instanceId);
        } catch (RuntimeException e) {
            return refused(key, instanceId, request, SellerCalls.failure(activity, subject, e));
        }
        AppInfo[] appInfo = new AppInfo[1];
        String[] license = new String[1];
        Outcome outcome = SellerCalls.call(activity, subject, () -> {
            if (request.license()) {
                license[0] = settings.seller().getLicense(order);
                if (license[0] == null || license[0].isBlank()) {
                    throw new IllegalStateException("getLicense returned no licence");
                }
            } else {
                appInfo[0] = settings.seller().newInstance(order);
                if (appInfo[0] == null || appInfo[0].frontEndUrl() == null || appInfo[0].frontEndUrl().isBlank()) {
                    throw new IllegalStateException("newInstance returned no appInfo.frontEndUrl");
                }
            }
        });
        if (!outcome.code().isSuccess()) {
            return refused(key, instanceId, request, outcome);
        }
        Instant at = now();
        settings.store().complete(key, "{\"instanceId\":\"" + instanceId + "\"}",
                new InstanceRecord(instanceId, order.orderId(), order.orderLineId(), order.productId(),
                        InstanceState.ACTIVE, order.expireTime(), appInfo[0] == null ? null : ProtocolJson.write(appInfo[0]),
                        license[0], at, at), at);
        LOG.info("{} of order {} delivered as instance {}", activity, order.orderId(), instanceId);
        return new Delivery.Delivered(instanceId, appInfo[0], license[0]);
    }

    private Delivery refused(String key, String instanceId, ProvisioningRequest request, Outcome outcome) {
        Instant at = now();
        // Recorded even when no row exists yet: a request that answered "being processed" a moment earlier must
        // not leave a provisioning row behind that queryInstance would report forever.
        settings.store().saveInstance(new InstanceRecord(instanceId, request.orderId(), request.orderLineId(), null,
                InstanceState.FAILED, null, null, null, at, at));
        settings.store().fail(key, outcome.code().code(), outcome.message(), at);
        LOG.info("provisioning of order {} answered {}: {}", request.orderId(), outcome.code().code(), outcome.message());
        return new Delivery.Refused(instanceId, outcome.code(), outcome.message());
    }

    /**
     * The create is claimed by another request whose work this process cannot see: another node, or a request
     * here that has claimed but not yet started. Watch the store (and this process) until the deadline.
     */
    private Delivery awaitElsewhere(String key, String instanceId, Instant deadline) {
        long until = System.nanoTime() + Math.max(0, Duration.between(now(), deadline).toNanos());
        while (true) {
            CompletableFuture<Delivery> local = running.get(key);
            if (local != null) {
                return await(local, instanceId, deadline);
            }
            Operation op = settings.store().operation(key).orElse(null);
            if (op != null && op.status() == OperationStatus.DONE) {
                return delivered(instanceId);
            }
            if (op != null && op.status() == OperationStatus.FAILED) {
                return new Delivery.Refused(instanceId, ResultCode.of(op.resultCode()), op.resultMessage());
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return new Delivery.Pending(instanceId);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 25)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.Pending(instanceId);
            }
        }
    }

    private Delivery await(CompletableFuture<Delivery> work, String instanceId, Instant deadline) {
        long waitMillis = Math.max(0, Duration.between(now(), deadline).toMillis());
        try {
            return work.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return new Delivery.Pending(instanceId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Pending(instanceId);
        } catch (ExecutionException e) {
            return new Delivery.Refused(instanceId, ResultCode.Known.INTERNAL_ERROR, "internal error while provisioning");
        }
    }

    private Delivery delivered(String instanceId) {
        InstanceRecord instance = settings.store().instance(instanceId).orElse(null);
        AppInfo appInfo = instance == null || instance.appInfoJson() == null ? null
                : ProtocolJson.read(instance.appInfoJson(), AppInfo.class);
        return new Delivery.Delivered(instanceId, appInfo, instance == null ? null : instance.license());
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
