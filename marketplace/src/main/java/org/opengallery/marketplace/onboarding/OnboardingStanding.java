package org.opengallery.marketplace.onboarding;

import org.opengallery.marketplace.seller.SellerStanding;
import org.springframework.stereotype.Component;

/**
 * The onboarding gates as publishing and settlement ask for them: the application approved, the cooperation
 * agreement signed with some entity, and the business information certified for some signed entity.
 */
@Component
class OnboardingStanding implements SellerStanding {

    private final Onboarding onboarding;
    private final Certifications certifications;

    OnboardingStanding(Onboarding onboarding, Certifications certifications) {
        this.onboarding = onboarding;
        this.certifications = certifications;
    }

    @Override
    public Standing of(long sellerId) {
        boolean onboarded = onboarding.application(sellerId)
                .map(a -> a.status() == ApplicationStatus.APPROVED).orElse(false);
        var signed = certifications.agreements(sellerId);
        boolean certified = certifications.certifications(sellerId).stream()
                .anyMatch(c -> c.status() == CertificationStatus.CERTIFIED
                        && signed.stream().anyMatch(a -> a.entity() == c.entity()));
        return new Standing(onboarded, !signed.isEmpty(), certified);
    }
}
