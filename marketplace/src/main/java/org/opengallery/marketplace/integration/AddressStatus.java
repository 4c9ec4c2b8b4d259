package org.opengallery.marketplace.integration;

/** Where a production address stands in 生产地址管理. */
public enum AddressStatus {
    /** Added, not verified yet. */
    UNVERIFIED,
    /** The platform called it: it checked the signature, and signed its answer with the key (认证通过). */
    VERIFIED,
    /** The last verification failed; the address's status reason says why. */
    FAILED
}
