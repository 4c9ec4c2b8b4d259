package org.opengallery.marketplace.onboarding;

/** Where a 商家入驻 application is. */
public enum ApplicationStatus {
    /** Being filled in by the seller; nobody reviews it yet. */
    DRAFT,
    /** Handed in; an operator reviews it within 3 working days. */
    SUBMITTED,
    /** Accepted: the seller is onboarded and may go on to sign the agreement and certify. */
    APPROVED,
    /** Refused with a reason; the seller may edit it and submit it again. */
    REJECTED;

    /** The seller may change the form (a submitted or approved application is frozen). */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
