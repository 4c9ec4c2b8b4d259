package org.opengallery.marketplace.onboarding;

/**
 * The 商家入驻 form as the seller fills it (platform.md §1.3), every field as typed. {@link ApplicationRules} says
 * what a submittable form is; a draft may be incomplete.
 *
 * @param companyName the applicant's name: the company's for an enterprise, the person's (姓名) for an individual
 *     developer; business-information certification requires the bank account to carry exactly this name
 * @param businessYears 经营年限, one of {@link ApplicationRules#BUSINESS_YEARS}
 * @param employeeScale 雇员规模, one of {@link ApplicationRules#EMPLOYEE_SCALES}
 * @param registeredCapital 注册资金 in CNY, as typed
 * @param introduction 公司简介, in English, shown on the store page
 */
public record ApplicationForm(ApplicantType applicantType, String companyName, String website, String businessYears,
        String employeeScale, String registeredCapital, String contactName, String contactPhone, String contactEmail,
        String country, String province, String city, String addressLine, String postcode, String servicePhone,
        String serviceEmail, String introduction, boolean agreementAccepted) {

    public boolean enterprise() {
        return applicantType != ApplicantType.INDIVIDUAL;
    }

    /** An empty form of this kind, for a seller who has not started one. */
    public static ApplicationForm blank(ApplicantType type) {
        return new ApplicationForm(type, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, false);
    }
}
