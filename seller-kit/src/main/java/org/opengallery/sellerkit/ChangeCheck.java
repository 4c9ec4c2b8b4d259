package org.opengallery.sellerkit;

import org.opengallery.protocol.message.order.ProductInfo;

/**
 * The platform asks, before a renewal that changes the spec, whether the instance can take it; for a
 * downgrade, check current usage against the target. Refuse with {@link SellerRefusal}.
 *
 * @param target the product the buyer wants to move to; may be null (the spec's example omits it)
 */
public record ChangeCheck(String instanceId, ProductInfo target, boolean debug) {
}
