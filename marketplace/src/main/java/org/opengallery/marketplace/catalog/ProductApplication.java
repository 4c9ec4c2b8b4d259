package org.opengallery.marketplace.catalog;

import java.time.Instant;

/**
 * One entry of 我的申请: a publication or modification (with its {@link ProductDraft}) or a delist request, and
 * where its review is. {@code productId} is null for a publication until it is approved.
 */
public record ProductApplication(long id, long sellerId, Long productId, ApplicationKind kind,
        ApplicationState state, ProductDraft draft, String delistReason, String rejectReason, Instant createdAt,
        Instant updatedAt, Instant submittedAt, Instant decidedAt) {

    /** The name to show in lists: the draft's, else (delist requests) none. */
    public String name() {
        return draft == null ? null : draft.name();
    }
}
