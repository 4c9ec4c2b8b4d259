package org.opengallery.marketplace.delivery;

/** Where a production-interface call stands. */
public enum CallStatus {
    /** Waiting for its (first) execution, or a create waiting for its appInfo between queryInstance polls. */
    PENDING,
    /** Being sent right now by one node. */
    RUNNING,
    /** Done: the seller accepted it (a create: the appInfo arrived). */
    SUCCEEDED,
    /** The last attempt failed; another is scheduled (next_attempt_at). */
    FAILED,
    /** The retry window ran out; only a manual restart (重新启动) sends it again. */
    GAVE_UP
}
