package org.opengallery.marketplace.onboarding;

/** Where a 商业信息认证 stands for one signed entity. */
public enum CertificationStatus {
    /** Submitted; the verification amount was sent to the account and the seller has attempts left to enter it. */
    PENDING,
    /** Certified: settlement may be paid into this account and the seller may sell in this entity's regions. */
    CERTIFIED,
    /** Three wrong amounts: nothing more can be tried until an operator unlocks it. */
    LOCKED,
    /** Refused by an operator with a reason; the seller corrects the data and submits again. */
    REJECTED
}
