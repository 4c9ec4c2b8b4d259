package org.opengallery.protocol.v2;

import java.time.Instant;

/**
 * Remembers nonces so a captured request cannot be replayed while its timestamp is still inside the window.
 * Implementations must be thread-safe; a cluster of sellers shares one by backing it with a database.
 */
@FunctionalInterface
public interface NonceReplayGuard {

    /**
     * Records a nonce until {@code forgetAfter} (past that its timestamp is out of the window anyway).
     *
     * @return {@code true} the first time a nonce is seen, {@code false} for a replay
     */
    boolean firstUse(String nonce, Instant forgetAfter);

    /** A guard that remembers nothing: for tools and tests that verify the same request twice on purpose. */
    static NonceReplayGuard none() {
        return (nonce, forgetAfter) -> true;
    }
}
