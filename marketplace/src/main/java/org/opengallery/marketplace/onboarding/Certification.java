package org.opengallery.marketplace.onboarding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A seller's 商业信息认证 for one signed entity.
 *
 * @param verificationAmount what the simulated transfer to the account carried (0.01–0.99 CNY); only operators
 *     see it, standing in for the bank statement
 */
public record Certification(long id, long sellerId, ContractingEntity entity, CertificationStatus status,
        CertificationForm form, BigDecimal verificationAmount, int attemptsLeft, Instant submittedAt,
        Instant certifiedAt, Instant lockedAt, String rejectReason) {

    /** The account number with all but its last four digits hidden, for pages that need not show it all. */
    public String maskedAccount() {
        String n = form.accountNumber();
        return n.length() <= 4 ? n : "*".repeat(n.length() - 4) + n.substring(n.length() - 4);
    }

    @Override
    public String toString() {
        return "Certification[" + id + ", seller " + sellerId + ", " + entity + ", " + status + "]";
    }
}
