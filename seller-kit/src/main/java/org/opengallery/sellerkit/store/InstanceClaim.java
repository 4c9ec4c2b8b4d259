package org.opengallery.sellerkit.store;

import java.util.Optional;

/**
 * The outcome of {@link KitStore#claimOnLiveInstance}: the instance as stored (empty when unknown) and, when it
 * is live (not released), the claim of the operation on it; {@code claim} is null when nothing was claimed.
 */
public record InstanceClaim(Optional<InstanceRecord> instance, Claim claim) {

    public boolean live() {
        return instance.isPresent() && instance.get().state() != InstanceState.RELEASED;
    }
}
