package org.opengallery.sellerkit.store;

/**
 * The outcome of {@link KitStore#claim}: the caller either owns the operation now and must run it, or finds
 * it done, or finds another caller running it. Sealed because the dispatcher must handle exactly these three.
 */
public sealed interface Claim {

    Operation operation();

    /** The caller owns the operation and must {@link KitStore#complete complete} or {@link KitStore#fail fail} it. */
    record Claimed(Operation operation) implements Claim {
    }

    /** Already done: answer its recorded result, do not call the seller. */
    record AlreadyDone(Operation operation) implements Claim {
    }

    /** Another request (or node) is running it and its lease is live: answer "being processed". */
    record InProgressElsewhere(Operation operation) implements Claim {
    }
}
