package org.opengallery.marketplace.onboarding;

import java.time.Instant;
import java.util.Set;

/** A seller's sub-user (子用户): a login of its own, the seller's id, and the pages it may open. */
public record SubUser(String login, long sellerId, Set<SellerPage> permissions, Instant createdAt) {

    public boolean may(SellerPage page) {
        return permissions.contains(page);
    }
}
