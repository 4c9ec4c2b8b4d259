package org.opengallery.sellerkit.internal;

import java.time.Instant;
import java.util.Optional;
import org.opengallery.sellerkit.ChangeCheck;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.OrderNotification;
import org.opengallery.sellerkit.store.Claim;
import org.opengallery.sellerkit.store.InstanceClaim;
import org.opengallery.sellerkit.store.InstanceRecord;
import org.opengallery.sellerkit.store.InstanceState;

/**
 * Everything after the create, shared by V1 and V2: each activity checks the instance is known
 * ({@code 000003} otherwise), runs the seller's code at most once per idempotency key, and records the new
 * state so {@code queryInstance} and later retries see it.
 */
public final class Lifecycle {

    private final KitSettings settings;

    public Lifecycle(KitSettings settings) {
        this.settings = settings;
    }

    public Outcome refresh(InstanceRefresh refresh) {
        String key = "refresh:" + refresh.instanceId() + ":" + refresh.orderId() + ":" + refresh.scene().name();
        InstanceClaim claimed = claimOnLiveInstance(key, refresh.instanceId());
        if (!claimed.live()) {
            return Outcome.instanceNotFound(refresh.instanceId());
        }
        InstanceRecord i = claimed.instance().get();
        return run(claimed.claim(), key, refresh.instanceId(), "refreshInstance",
                () -> settings.seller().refreshInstance(refresh),
                () -> new InstanceRecord(i.instanceId(), i.orderId(), i.orderLineId(),
                        refresh.productId() != null ? refresh.productId() : i.productId(), i.state(),
                        refresh.expireTime(), i.appInfoJson(), i.license(), i.createdAt(), now()));
    }

    public Outcome updateStatus(InstanceStatusUpdate update) {
        Optional<InstanceRecord> known = liveInstance(update.instanceId());
        if (known.isEmpty()) {
            return Outcome.instanceNotFound(update.instanceId());
        }
        InstanceState target = update.freeze() ? InstanceState.FROZEN : InstanceState.ACTIVE;
        if (known.get().state() == target) {
            return Outcome.SUCCESS; // already there: freezing twice must not bother the seller twice
        }
        Outcome outcome = SellerCalls.call("updateInstanceStatus", "instance " + update.instanceId(),
                () -> settings.seller().updateInstanceStatus(update));
        if (outcome.code().isSuccess()) {
            update(update.instanceId(), i -> i.withState(target, now()));
        }
        return outcome;
    }

    public Outcome release(InstanceRelease release) {
        String key = "release:" + release.instanceId();
        InstanceClaim claimed = claimOnLiveInstance(key, release.instanceId());
        Optional<InstanceRecord> known = claimed.instance();
        if (known.isEmpty()) {
            return Outcome.instanceNotFound(release.instanceId());
        }
        if (!claimed.live()) {
            return Outcome.SUCCESS; // released already: a repeated release succeeds
        }
        return run(claimed.claim(), key, release.instanceId(), "releaseInstance",
                () -> settings.seller().releaseInstance(release),
                () -> known.get().withState(InstanceState.RELEASED, now()));
    }

    public Outcome upgrade(InstanceUpgrade upgrade) {
        String key = "upgrade:" + upgrade.instanceId() + ":" + upgrade.orderId();
        InstanceClaim claimed = claimOnLiveInstance(key, upgrade.instanceId());
        if (!claimed.live()) {
            return Outcome.instanceNotFound(upgrade.instanceId());
        }
        InstanceRecord i = claimed.instance().get();
        return run(claimed.claim(), key, upgrade.instanceId(), "upgradeInstance",
                () -> settings.seller().upgradeInstance(upgrade),
                () -> new InstanceRecord(i.instanceId(), i.orderId(), i.orderLineId(),
                        upgrade.productId() != null ? upgrade.productId() : i.productId(), i.state(), i.expireTime(),
                        i.appInfoJson(), i.license(), i.createdAt(), now()));
    }

    public Outcome changeCheck(ChangeCheck check) {
        if (liveInstance(check.instanceId()).isEmpty()) {
            return Outcome.instanceNotFound(check.instanceId());
        }
        return SellerCalls.call("changeInstanceCheck", "instance " + check.instanceId(),
                () -> settings.seller().changeInstanceCheck(check));
    }

    public Outcome orderNotify(OrderNotification notification) {
        String key = "notify:" + notification.orderId() + ":" + notification.orderLineId();
        return once(key, null, "orderNotify", () -> settings.seller().orderNotify(notification), null);
    }

    /** A known instance that is not released. */
    private Optional<InstanceRecord> liveInstance(String instanceId) {
        return settings.store().instance(instanceId).filter(i -> i.state() != InstanceState.RELEASED);
    }

    /**
     * Runs seller code once per key; on success records the operation done together with the instance as it
     * now is ({@code after}, null when the instance does not change).
     */
    private Outcome once(String key, String instanceId, String activity, SellerCalls.SellerCode code,
                         java.util.function.Supplier<InstanceRecord> after) {
        return run(settings.store().claim(key, instanceId, null, now(), settings.lease()), key, instanceId, activity,
                code, after);
    }

    /** The instance read and the claim in one step (one round trip where the store can). */
    private InstanceClaim claimOnLiveInstance(String key, String instanceId) {
        return settings.store().claimOnLiveInstance(key, instanceId, now(), settings.lease());
    }

    private Outcome run(Claim claim, String key, String instanceId, String activity, SellerCalls.SellerCode code,
                        java.util.function.Supplier<InstanceRecord> after) {
        if (claim instanceof Claim.AlreadyDone) {
            return Outcome.SUCCESS;
        }
        if (claim instanceof Claim.InProgressElsewhere) {
            return Outcome.inProgress(activity + (instanceId == null ? "" : " of instance " + instanceId));
        }
        Outcome outcome = SellerCalls.call(activity, instanceId == null ? key : "instance " + instanceId, code);
        if (!outcome.code().isSuccess()) {
            settings.store().fail(key, outcome.code().code(), outcome.message(), now());
        } else if (after == null) {
            settings.store().complete(key, "{}", now());
        } else {
            settings.store().complete(key, "{}", after.get(), now());
        }
        return outcome;
    }

    private void update(String instanceId, java.util.function.UnaryOperator<InstanceRecord> change) {
        settings.store().instance(instanceId).ifPresent(i -> settings.store().saveInstance(change.apply(i)));
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
