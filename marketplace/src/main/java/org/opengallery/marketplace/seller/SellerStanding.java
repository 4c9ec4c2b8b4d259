package org.opengallery.marketplace.seller;

/**
 * Where a seller stands in onboarding (platform.md §1): approved application, signed cooperation agreement,
 * business information certified. Publishing and settlement ask this before they let a seller go on; the page that
 * refuses says which step is missing.
 */
public interface SellerStanding {

    Standing of(long sellerId);

    /** The three gates, in the order a seller passes them. */
    record Standing(boolean onboarded, boolean agreementSigned, boolean certified) {

        public boolean mayPublish() {
            return onboarded && agreementSigned && certified;
        }

        /** The first gate not yet passed ({@code onboarding}, {@code agreement}, {@code certification}), or null. */
        public String nextStep() {
            return !onboarded ? "onboarding" : !agreementSigned ? "agreement" : !certified ? "certification" : null;
        }
    }
}
