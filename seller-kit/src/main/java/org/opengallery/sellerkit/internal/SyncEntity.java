package org.opengallery.sellerkit.internal;

import java.time.Instant;
import java.util.List;
import org.opengallery.protocol.message.sync.ApplicationSyncRequest;
import org.opengallery.protocol.message.sync.AuthSyncRequest;
import org.opengallery.protocol.message.sync.SingleOrgSyncRequest;
import org.opengallery.protocol.message.sync.SyncFlag;
import org.opengallery.protocol.message.sync.SyncRequest;
import org.opengallery.protocol.message.sync.SyncUser;
import org.opengallery.protocol.message.sync.TenantSyncRequest;
import org.opengallery.sellerkit.store.KitStore;

/**
 * What one add/delete sync is about, so the kit can make repeats no-ops (the spec: a repeated add succeeds
 * without new data, a repeated delete succeeds). Keys: tenant = instance + tenant; app = + appId; department =
 * + orgCode; user = + appId + userName. Modify always reaches the seller; a full org sync replaces everything
 * and always does too; a delete of something never synced through this store reaches the seller, whose handler
 * must then tolerate its absence.
 *
 * @param keys   the entity keys (several for an authSync's user list)
 * @param add    whether the flag adds (true) or removes (false); null for modify
 */
record SyncEntity(List<String> keys, Boolean add) {

    /** The entity of a request, or null when the request is not an add or delete of one. */
    static SyncEntity of(SyncRequest request) {
        Boolean add = switch (flagOf(request)) {
            case ADD -> Boolean.TRUE;
            case DELETE, CANCEL_AUTHORIZATION -> Boolean.FALSE;
            default -> null;
        };
        String base = request.instanceId() + ":" + request.tenantId();
        List<String> keys;
        if (request instanceof TenantSyncRequest) {
            keys = List.of("tenant:" + base);
        } else if (request instanceof ApplicationSyncRequest r) {
            keys = List.of("app:" + base + ":" + r.appId());
        } else if (request instanceof SingleOrgSyncRequest r) {
            keys = List.of("org:" + base + ":" + r.orgCode());
        } else if (request instanceof AuthSyncRequest r && r.userList() != null && !r.userList().isEmpty()) {
            keys = r.userList().stream().map(SyncUser::userName).map(u -> "user:" + base + ":" + r.appId() + ":" + u)
                    .toList();
        } else {
            return null;
        }
        return new SyncEntity(keys, add);
    }

    /** True when every entity already is where the request wants it (never for modify). */
    boolean alreadyInTargetState(KitStore store) {
        if (add == null) {
            return false;
        }
        return keys.stream().allMatch(k -> store.syncPresence(k).map(add::equals).orElse(false));
    }

    void record(KitStore store, Instant now) {
        boolean present = add == null || add;
        keys.forEach(k -> store.saveSyncPresence(k, present, now));
    }

    private static SyncFlag flagOf(SyncRequest request) {
        if (request instanceof TenantSyncRequest r) {
            return r.flag();
        }
        if (request instanceof ApplicationSyncRequest r) {
            return r.flag();
        }
        if (request instanceof SingleOrgSyncRequest r) {
            return r.flag();
        }
        if (request instanceof AuthSyncRequest r) {
            return r.flag();
        }
        return SyncFlag.MODIFY;
    }
}
