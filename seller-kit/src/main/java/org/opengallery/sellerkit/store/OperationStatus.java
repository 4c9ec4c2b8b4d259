package org.opengallery.sellerkit.store;

/** Where one idempotent operation (a create, a release, a sync add …) stands. */
public enum OperationStatus {
    /** Claimed by a node that is calling the seller's code now, until its lease runs out. */
    IN_PROGRESS,
    /** Finished; its result is recorded and every retry gets that result without calling the seller again. */
    DONE,
    /** The seller's code refused or failed; the next retry claims it again and calls the seller again. */
    FAILED
}
