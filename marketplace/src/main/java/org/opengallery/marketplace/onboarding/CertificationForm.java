package org.opengallery.marketplace.onboarding;

/**
 * 商业信息认证 data for one signed entity: the settlement bank account, tax information and the finance contact.
 *
 * @param accountName the bank account's holder; must equal the applicant's name in the approved application
 * @param accountNumber digits only (spaces allowed while typing)
 * @param taxpayerType one of {@link TaxpayerType}'s names
 * @param taxId the unified social credit code or taxpayer identification number: 15 to 20 letters and digits
 */
public record CertificationForm(String accountName, String bankName, String bankBranch, String accountNumber,
        String taxpayerType, String taxId, String financeName, String financePhone, String financeEmail) {

    /** 纳税人身份. */
    public enum TaxpayerType {
        /** 一般纳税人. */
        GENERAL,
        /** 小规模纳税人. */
        SMALL_SCALE,
        /** 自然人 (individual developers). */
        NATURAL_PERSON
    }
}
