/**
 * 商家入驻 (platform.md §1): a seller's way from registration to "may publish".
 *
 * <p>Flow: {@code /register/seller} opens a seller account ({@link org.opengallery.marketplace.seller.Sellers} +
 * {@link org.opengallery.marketplace.access.Logins}, one transaction). The seller fills the application at
 * {@code /seller/onboarding} (draft, then submit; {@link org.opengallery.marketplace.onboarding.ApplicationRules}
 * holds the §1.3 rules; logo and licence go through {@link org.opengallery.marketplace.upload.Uploads}); submitting
 * starts the 3-working-day review ({@link org.opengallery.marketplace.onboarding.WorkingDays}) and posts a notice to
 * the operators, who approve or reject at {@code /operator/onboarding}; the outcome reaches the seller's message
 * center and customer-service e-mail. Once approved, {@code /seller/certification} signs 《云商店商家合作协议》 with a
 * Huawei Cloud entity and certifies bank, tax and finance-contact data per signed entity with a simulated amount
 * verification; three wrong amounts lock it until an operator acts at {@code /operator/certifications}.
 *
 * <p>Other capabilities ask only {@link org.opengallery.marketplace.seller.SellerStanding} (implemented here) and
 * include {@code templates/onboarding/blocked.html} to say which gate is missing. Tables: onboarding_application,
 * seller_agreement, business_certification (V40–V42).
 */
package org.opengallery.marketplace.onboarding;
