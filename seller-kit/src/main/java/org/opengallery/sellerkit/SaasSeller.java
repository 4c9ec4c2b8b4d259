package org.opengallery.sellerkit;

import org.opengallery.protocol.message.instance.AppInfo;

/**
 * What a seller writes: one method per activity of KooGallery's production interface, each with typed
 * arguments. The kit has verified the request, made it idempotent and decoded it before any of these run;
 * they are never called twice for the same order line, and a release is never repeated.
 *
 * <p>Only {@link #newInstance} is required. Every other activity defaults to "not supported", which the kit
 * answers with {@code 000005} and a message naming the activity (the protocol has no dedicated code).
 * Throw {@link SellerRefusal} to answer a specific result code; any other exception is answered {@code 000005}
 * with a safe message and logged with the order id.
 */
public interface SaasSeller {

    /**
     * Provisions a paid order and says how the buyer reaches it. May take longer than the platform's 5 s
     * timeout: the kit answers {@code 000004} after its budget and finishes in the background.
     *
     * @return the buyer's access: {@code frontEndUrl} is required; credentials in plaintext (the kit encrypts
     *         them for V1)
     */
    AppInfo newInstance(NewInstance order) throws Exception;

    /** Renewal, trial → formal, renewal-period unsubscription, renewal with change: move the expiry. */
    default void refreshInstance(InstanceRefresh refresh) throws Exception {
        throw new UnsupportedOperationException("refreshInstance");
    }

    /** Freeze or unfreeze. */
    default void updateInstanceStatus(InstanceStatusUpdate update) throws Exception {
        throw new UnsupportedOperationException("updateInstanceStatus");
    }

    /** Delete the instance and its data. */
    default void releaseInstance(InstanceRelease release) throws Exception {
        throw new UnsupportedOperationException("releaseInstance");
    }

    /** Apply a paid upgrade. */
    default void upgradeInstance(InstanceUpgrade upgrade) throws Exception {
        throw new UnsupportedOperationException("upgradeInstance");
    }

    /** Accept (return) or refuse ({@link SellerRefusal}) a renewal that changes the spec. */
    default void changeInstanceCheck(ChangeCheck check) throws Exception {
        throw new UnsupportedOperationException("changeInstanceCheck");
    }

    /** An order was placed; the order details are attached. */
    default void orderNotify(OrderNotification notification) throws Exception {
        throw new UnsupportedOperationException("orderNotify");
    }

    /** License products (V1 {@code getLicense}): issue the licence code for this order. */
    default String getLicense(NewInstance order) throws Exception {
        throw new UnsupportedOperationException("getLicense");
    }
}
