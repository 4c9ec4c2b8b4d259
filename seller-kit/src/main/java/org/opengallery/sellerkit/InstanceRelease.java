package org.opengallery.sellerkit;

/**
 * Delete the instance: not renewed after the freeze period, or unsubscribed. The kit calls the seller once per
 * instance; repeated releases succeed without calling again.
 *
 * @param orderId the unsubscription order when the release comes from one, else null
 */
public record InstanceRelease(String instanceId, String orderId, String orderLineId, boolean debug) {
}
