package org.opengallery.sellerkit.store;

/** The kit's view of an instance at the seller. */
public enum InstanceState {
    /** Created on a request; the seller's code has not finished provisioning it. */
    PROVISIONING,
    /** Provisioned; its appInfo (or licence) is known. */
    ACTIVE,
    /** Frozen by an expiry or a violation; data kept. */
    FROZEN,
    /** Released; the seller deleted it. Further releases succeed without calling the seller. */
    RELEASED,
    /** Provisioning failed; a retried create may try again. */
    FAILED
}
