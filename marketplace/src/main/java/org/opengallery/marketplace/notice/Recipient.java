package org.opengallery.marketplace.notice;

import org.opengallery.marketplace.access.Role;

/** One user of the consoles: a buyer, a seller or an operator, by the id of that buyer, seller or operator. */
public record Recipient(Role role, long subjectId) {

    public static Recipient seller(long sellerId) {
        return new Recipient(Role.SELLER, sellerId);
    }

    public static Recipient buyer(long buyerId) {
        return new Recipient(Role.BUYER, buyerId);
    }

    /** The operators share one inbox (subject 0): a review queue item is for whichever operator takes it. */
    public static Recipient operators() {
        return new Recipient(Role.OPERATOR, 0);
    }
}
