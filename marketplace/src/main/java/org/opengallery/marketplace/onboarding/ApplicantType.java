package org.opengallery.marketplace.onboarding;

/** Who applies to become a KooGallery seller (platform.md §1.1). */
public enum ApplicantType {
    /** 企业: a company; it names its website, size and capital and uploads its business licence. */
    ENTERPRISE,
    /** 个人开发者: a person; the company-only fields are not asked. */
    INDIVIDUAL
}
