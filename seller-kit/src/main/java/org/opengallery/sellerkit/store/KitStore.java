package org.opengallery.sellerkit.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seller kit's memory: idempotent operations and the instances they created. Implementations must make
 * {@link #claim} atomic across threads and, for a shared database, across processes: two retries of one
 * create arriving at the same moment, on one node or two, must yield exactly one {@link Claim.Claimed}.
 *
 * <p>Two implementations ship: {@link InMemoryKitStore} (one process, lost on restart) and
 * {@code JdbcKitStore} (PostgreSQL, H2, MariaDB/MySQL; creates its own tables).
 */
public interface KitStore {

    /**
     * Claims the operation under {@code key}.
     * <ul>
     *   <li>No operation yet: records one {@code IN_PROGRESS} for {@code instanceId}, leased for {@code lease},
     *       with {@code requestJson}, and returns {@link Claim.Claimed}.</li>
     *   <li>{@code DONE}: returns {@link Claim.AlreadyDone}.</li>
     *   <li>{@code IN_PROGRESS} with a live lease: returns {@link Claim.InProgressElsewhere}.</li>
     *   <li>{@code FAILED}, or {@code IN_PROGRESS} with its lease run out: takes it over (attempts + 1, new
     *       lease, the original instanceId kept) and returns {@link Claim.Claimed} — to one caller only.</li>
     * </ul>
     */
    Claim claim(String key, String instanceId, String requestJson, Instant now, Duration lease);

    /**
     * Reads an instance and, when it is live (not released), claims the operation under {@code key} on it, as
     * {@link #claim} does. A store may do both in one round trip (the lifecycle calls on an instance — renewal,
     * upgrade, release — all start this way); the default does them one after the other.
     */
    default InstanceClaim claimOnLiveInstance(String key, String instanceId, Instant now, Duration lease) {
        Optional<InstanceRecord> instance = instance(instanceId);
        if (instance.isEmpty() || instance.get().state() == InstanceState.RELEASED) {
            return new InstanceClaim(instance, null);
        }
        return new InstanceClaim(instance, claim(key, instanceId, null, now, lease));
    }

    /** Marks a claimed operation done with the result to answer from now on. */
    void complete(String key, String resultJson, Instant now);

    /**
     * Marks a claimed operation done and records the instance it produced or changed, atomically where the
     * store can: a crash between the two must not leave a done operation with a stale instance.
     */
    default void complete(String key, String resultJson, InstanceRecord instance, Instant now) {
        saveInstance(instance);
        complete(key, resultJson, now);
    }

    /** Marks a claimed operation failed with what was answered; a retry will claim it again. */
    void fail(String key, String resultCode, String resultMessage, Instant now);

    Optional<Operation> operation(String key);

    /** Operations still {@code IN_PROGRESS} whose lease ran out before {@code now}: left by a dead process. */
    List<Operation> abandoned(Instant now);

    /** Inserts or replaces the record of an instance. */
    void saveInstance(InstanceRecord instance);

    Optional<InstanceRecord> instance(String instanceId);

    /** Records an instance unless one with its id exists; returns whether it did. */
    boolean saveInstanceIfAbsent(InstanceRecord instance);

    /**
     * Whether a joint-operation entity (tenant, app, user, department) was last synced as present
     * ({@code true}) or deleted ({@code false}); empty when never synced through this store.
     */
    Optional<Boolean> syncPresence(String entityKey);

    /** Records the outcome of a sync the seller accepted. */
    void saveSyncPresence(String entityKey, boolean present, Instant now);
}
