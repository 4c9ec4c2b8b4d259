package org.opengallery.sellerkit.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KitStore} in this process's memory: for tests, demos and sellers that run one node and accept
 * losing in-flight state on restart. Thread-safe; claims are atomic per key.
 */
public final class InMemoryKitStore implements KitStore {

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, InstanceRecord> instances = new ConcurrentHashMap<>();
    private final Map<String, Boolean> syncPresence = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String key, String instanceId, String requestJson, Instant now, Duration lease) {
        Claim[] outcome = new Claim[1];
        operations.compute(key, (k, existing) -> {
            if (existing == null) {
                Operation created = new Operation(k, instanceId, OperationStatus.IN_PROGRESS, now.plus(lease),
                        requestJson, null, null, null, 1, now, now);
                outcome[0] = new Claim.Claimed(created);
                return created;
            }
            if (existing.status() == OperationStatus.DONE) {
                outcome[0] = new Claim.AlreadyDone(existing);
                return existing;
            }
            if (!existing.claimableAt(now)) {
                outcome[0] = new Claim.InProgressElsewhere(existing);
                return existing;
            }
            Operation taken = new Operation(k, existing.instanceId(), OperationStatus.IN_PROGRESS, now.plus(lease),
                    existing.requestJson() != null ? existing.requestJson() : requestJson, null, null, null,
                    existing.attempts() + 1, existing.createdAt(), now);
            outcome[0] = new Claim.Claimed(taken);
            return taken;
        });
        return outcome[0];
    }

    @Override
    public void complete(String key, String resultJson, Instant now) {
        operations.computeIfPresent(key, (k, op) -> new Operation(k, op.instanceId(), OperationStatus.DONE, null,
                op.requestJson(), resultJson, null, null, op.attempts(), op.createdAt(), now));
    }

    @Override
    public void fail(String key, String resultCode, String resultMessage, Instant now) {
        operations.computeIfPresent(key, (k, op) -> new Operation(k, op.instanceId(), OperationStatus.FAILED, null,
                op.requestJson(), null, resultCode, resultMessage, op.attempts(), op.createdAt(), now));
    }

    @Override
    public Optional<Operation> operation(String key) {
        return Optional.ofNullable(operations.get(key));
    }

    @Override
    public List<Operation> abandoned(Instant now) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations.values()) {
            if (op.status() == OperationStatus.IN_PROGRESS && op.claimableAt(now)) {
                out.add(op);
            }
        }
        return out;
    }

    @Override
    public void saveInstance(InstanceRecord instance) {
        instances.put(instance.instanceId(), instance);
    }

    @Override
    public boolean saveInstanceIfAbsent(InstanceRecord instance) {
        return instances.putIfAbsent(instance.instanceId(), instance) == null;
    }

    @Override
    public Optional<InstanceRecord> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public Optional<Boolean> syncPresence(String entityKey) {
        return Optional.ofNullable(syncPresence.get(entityKey));
    }

    @Override
    public void saveSyncPresence(String entityKey, boolean present, Instant now) {
        syncPresence.put(entityKey, present);
    }
}
