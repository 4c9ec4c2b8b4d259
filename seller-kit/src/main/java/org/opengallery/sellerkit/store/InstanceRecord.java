package org.opengallery.sellerkit.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the kit remembers of an instance, enough to answer {@code queryInstance} without calling the seller.
 *
 * @param instanceId  the id answered to the platform
 * @param orderId     the order that created it
 * @param orderLineId its order line (null for V1 orders, which have none)
 * @param productId   the product bought (may change on renewal or upgrade)
 * @param state       where it stands
 * @param expireTime  when it expires, if periodic
 * @param appInfoJson the appInfo the seller returned, as JSON with plaintext credentials (encryption for V1
 *                    happens when answering)
 * @param license     for License products, the licence code
 */
public record InstanceRecord(
        String instanceId,
        String orderId,
        String orderLineId,
        String productId,
        InstanceState state,
        Instant expireTime,
        String appInfoJson,
        String license,
        Instant createdAt,
        Instant updatedAt) {

    public InstanceRecord {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public InstanceRecord withState(InstanceState newState, Instant at) {
        return new InstanceRecord(instanceId, orderId, orderLineId, productId, newState, expireTime, appInfoJson,
                license, createdAt, at);
    }

    @Override
    public String toString() {
        // appInfo holds the buyer's initial password: never print it.
        return "InstanceRecord[" + instanceId + ", order " + orderId + ", " + state + "]";
    }
}
