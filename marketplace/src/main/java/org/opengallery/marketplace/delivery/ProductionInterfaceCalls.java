package org.opengallery.marketplace.delivery;

import java.util.List;

/**
 * The delivery engine's public service: every call the marketplace makes to a seller's production interface goes
 * through here. Each method writes one durable production-interface call and schedules it, <em>in the caller's
 * transaction</em>, so the state change that causes a call and the call itself commit or roll back together.
 * The engine then executes the call (cluster-safe, retried on the configured schedule) and reports the outcome as
 * application events ({@link DeliveryEvents}); callers never wait for the seller.
 */
public interface ProductionInterfaceCalls {

    /** A paid NEW / TRIAL order line: create the instance, then poll queryInstance until the appInfo arrives. */
    CallId newInstance(DeliveryCommand.NewInstance command);

    /** Renewal, trial to formal, renewal-period unsubscribe, renewal change: the new expiry. */
    CallId refreshInstance(DeliveryCommand.RefreshInstance command);

    /** FREEZE when an instance expires or is frozen for a violation; UNFREEZE on renewal during the freeze. */
    CallId updateInstanceStatus(DeliveryCommand.UpdateInstanceStatus command);

    /**
     * {@link #updateInstanceStatus} for each command, in the caller's transaction (a wave of expiries): the same
     * calls, which an engine may write in batches.
     */
    default List<CallId> updateInstanceStatuses(List<DeliveryCommand.UpdateInstanceStatus> commands) {
        return commands.stream().map(this::updateInstanceStatus).toList();
    }

    /** After the freeze period, or when an order is unsubscribed. */
    CallId releaseInstance(DeliveryCommand.ReleaseInstance command);

    /** A paid CHANGE order: the instance keeps its instanceId. */
    CallId upgradeInstance(DeliveryCommand.UpgradeInstance command);

    /**
     * An order of type NEW, RENEW, CHANGE or UNSUBSCRIBE was created for a product: notify the seller if it
     * configured an order-notification address for the product or its access type (product level wins; one
     * notification per order). Does nothing when nothing is configured.
     */
    void orderCreated(DeliveryCommand.OrderCreated command);
}
