package org.opengallery.marketplace.metering;

import java.util.Optional;

/**
 * PORT, implemented beside it by an adapter (instance + catalog + seller): what metering needs to know about the
 * instance a usage record names. Metering reads it, never the owning capabilities' tables.
 *
 * <p>Implementations must be thread-safe and return {@code Optional.empty()}, never null, for an instance id
 * nobody issued. Implemented by {@code MeteredInstancesFromInstances}.
 */
@FunctionalInterface
public interface MeteredInstances {

    /**
     * The instance with this id: the {@code instanceId} the seller returned from {@code newInstance}, which is
     * what usage records carry in {@code instance_id}.
     */
    Optional<MeteredInstance> byInstanceId(String instanceId);
}
