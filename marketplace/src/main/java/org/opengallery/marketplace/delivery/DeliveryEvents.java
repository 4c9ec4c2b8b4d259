package org.opengallery.marketplace.delivery;

import org.opengallery.protocol.message.instance.AppInfo;

/**
 * What the engine reports, as Spring application events published inside the transaction that records the
 * outcome: a listener's writes commit with it, and a listener's failure rolls it back (the call then runs again).
 */
public sealed interface DeliveryEvents {

    /** The seller answered create with an instanceId (000000 or 000004); the appInfo may come later. */
    record InstanceAccepted(String orderId, String orderLineId, String instanceId) implements DeliveryEvents {}

    /** queryInstance (or a synchronous create) returned the buyer's usage information: the order line is delivered. */
    record InstanceProvisioned(String orderId, String orderLineId, String instanceId, AppInfo appInfo)
            implements DeliveryEvents {}

    /** A refresh, status change, release or upgrade call succeeded. */
    record CallSucceeded(CallId callId, String activity, String orderId, String instanceId) implements DeliveryEvents {}

    /**
     * The retry schedule ran out (create and upgrade: 3 hours). For create and upgrade the order fails and is
     * unsubscribed and refunded by the order capability; a later manual restart may still succeed.
     */
    record CallGaveUp(CallId callId, String activity, String orderId, String orderLineId, String instanceId,
            String lastError) implements DeliveryEvents {}
}
