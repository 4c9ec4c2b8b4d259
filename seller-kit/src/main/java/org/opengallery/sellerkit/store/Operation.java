package org.opengallery.sellerkit.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One idempotent operation of the production interface, keyed by what makes a retry "the same request":
 * {@code create:<orderId>:<orderLineId>} for a create, {@code release:<instanceId>} for a release, and so on.
 *
 * @param key           the idempotency key
 * @param instanceId    the instance the operation is about; for a create, the id chosen on the first claim
 *                      and kept by every retry
 * @param status        where it stands
 * @param leaseUntil    while {@link OperationStatus#IN_PROGRESS}, the time after which another node may take
 *                      it over (its owner is presumed dead)
 * @param requestJson   the request that started it, so a restarted process can finish it
 * @param resultJson    once {@link OperationStatus#DONE}, what to answer (for a create: the appInfo)
 * @param resultCode    once {@link OperationStatus#FAILED}, the protocol result code the seller answered
 * @param resultMessage once {@link OperationStatus#FAILED}, the safe message answered
 * @param attempts      how many times it was claimed
 */
public record Operation(
        String key,
        String instanceId,
        OperationStatus status,
        Instant leaseUntil,
        String requestJson,
        String resultJson,
        String resultCode,
        String resultMessage,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public Operation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether another node may claim it at {@code now}: failed, or in progress with its lease run out. */
    public boolean claimableAt(Instant now) {
        return status == OperationStatus.FAILED
                || (status == OperationStatus.IN_PROGRESS && leaseUntil != null && !leaseUntil.isAfter(now));
    }
}
