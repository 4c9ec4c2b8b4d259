package org.opengallery.sellerkit;

import java.time.Instant;
import org.opengallery.protocol.message.v2.RefreshScene;

/**
 * A periodic instance's expiry moves: renewal, trial turned formal, a renewal period unsubscribed, or a renewal
 * with a change of spec. V1 renewals arrive as {@link RefreshScene#RENEWAL}.
 *
 * @param productId the new productId when the period type changed (monthly → yearly), else null
 */
public record InstanceRefresh(String instanceId, RefreshScene scene, String orderId, String orderLineId,
                              String productId, Instant expireTime, boolean debug) {
}
