package org.opengallery.sellerkit;

import org.opengallery.protocol.message.instance.InstanceStatusChange;

/**
 * Freeze (expired, arrears or a violation; keep the data for the freeze period) or unfreeze (renewed, lifted).
 * V1's {@code expireInstance} arrives as a freeze.
 */
public record InstanceStatusUpdate(String instanceId, InstanceStatusChange status, boolean debug) {

    public boolean freeze() {
        return status == InstanceStatusChange.FREEZE;
    }
}
