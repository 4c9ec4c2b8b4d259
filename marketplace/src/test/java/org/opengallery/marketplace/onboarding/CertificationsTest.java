package org.opengallery.marketplace.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.seller.SellerStanding;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;

class CertificationsTest extends OnboardingTestBase {

    static final ContractingEntity CN = ContractingEntity.HUAWEI_CLOUD_CN;

    @Autowired Certifications certifications;
    @Autowired SellerStanding standing;

    static CertificationForm bankData(String accountName) {
        return new CertificationForm(accountName, "Bank of Example", "Haidian Branch", "6222 0212 3456 7890",
                "GENERAL", "91110108MA01ABCD2X", "Han Meimei", "+86 139 0000 0000", "finance@teamnotes.example.com");
    }

    /** An approved seller who signed with the China entity and submitted its bank data. */
    Certification pending(long seller) {
        certifications.sign(seller, CN, "owner");
        return certifications.submit(seller, CN, bankData(form().companyName()));
    }

    /** Any amount other than the one sent. */
    static String wrong(Certification c) {
        return c.verificationAmount().compareTo(new BigDecimal("0.50")) == 0 ? "0.51" : "0.50";
    }

    @Test
    void signingNeedsAnApprovedApplicationAndRecordsWhoAndWhen() {
        long notApproved = newSeller();
        submitted(notApproved);
        assertThatThrownBy(() -> certifications.sign(notApproved, CN, "owner"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("certification_not_onboarded"));

        long seller = approvedSeller();
        Agreement a = certifications.sign(seller, CN, "owner-login");
        assertThat(a.agreement()).isEqualTo(Agreement.COOPERATION);
        assertThat(a.signedBy()).isEqualTo("owner-login");
        assertThat(a.signedAt()).isBetween(clock.instant().minusMillis(1), clock.instant().plusMillis(1));
        assertThat(certifications.sign(seller, CN, "someone-else").signedBy()).as("the first signature stands")
                .isEqualTo("owner-login");
    }

    @Test
    void certifyingNeedsTheAgreementWithThatEntity() {
        long seller = approvedSeller();
        assertThatThrownBy(() -> certifications.submit(seller, CN, bankData(form().companyName())))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isEqualTo("certification_agreement_missing"));
        assertThatThrownBy(() -> certifications.sign(seller, ContractingEntity.SPARKOO_SG, "owner"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isEqualTo("certification_sign_china_first"));
    }

    @Test
    void theAccountNameMustBeTheApplicantsName() {
        long seller = approvedSeller();
        certifications.sign(seller, CN, "owner");
        assertThatThrownBy(() -> certifications.submit(seller, CN, bankData("Someone Else Ltd.")))
                .isInstanceOfSatisfying(FormProblems.class,
                        e -> assertThat(e.codes()).containsExactly("certification_account_name"));
    }

    @Test
    void bankTaxAndFinanceDataAreChecked() {
        long seller = approvedSeller();
        certifications.sign(seller, CN, "owner");
        var bad = new CertificationForm(form().companyName(), "", "", "12-34", "RICH", "tax?", "", "phone", "mail");
        assertThatThrownBy(() -> certifications.submit(seller, CN, bad))
                .isInstanceOfSatisfying(FormProblems.class, e -> assertThat(e.codes()).containsExactlyInAnyOrder(
                        "certification_bank", "certification_account_number", "certification_taxpayer_type",
                        "certification_tax_id", "certification_finance_contact"));
    }

    @Test
    void submittingSendsASmallAmountAndGivesThreeAttempts() {
        Certification c = pending(approvedSeller());
        assertThat(c.status()).isEqualTo(CertificationStatus.PENDING);
        assertThat(c.attemptsLeft()).isEqualTo(3);
        assertThat(c.verificationAmount()).isBetween(new BigDecimal("0.01"), new BigDecimal("0.99"));
        assertThat(c.form().accountNumber()).isEqualTo("6222021234567890");
    }

    @Test
    void theRightAmountCertifiesAndTellsTheSeller() {
        long seller = approvedSeller();
        Certification c = pending(seller);

        var outcome = certifications.verify(seller, CN, c.verificationAmount().toPlainString());
        assertThat(outcome.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(certifications.certification(seller, CN).orElseThrow().status()).isEqualTo(CertificationStatus.CERTIFIED);
        var notice = lastNotice(seller(seller));
        assertThat(notice.kind()).isEqualTo("CERTIFICATION_CERTIFIED");
        assertThat(emailedTo(notice)).isEqualTo(form().serviceEmail());
    }

    @Test
    void threeWrongAmountsLockTheCertification() {
        long seller = approvedSeller();
        Certification c = pending(seller);

        assertThat(certifications.verify(seller, CN, wrong(c))).isEqualTo(new Certifications.Verification(CertificationStatus.PENDING, 2));
        assertThatThrownBy(() -> certifications.verify(seller, CN, "zero"))
                .as("a malformed amount costs no attempt")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("certification_amount_format"));
        assertThat(certifications.verify(seller, CN, wrong(c)).attemptsLeft()).isEqualTo(1);
        assertThat(certifications.verify(seller, CN, wrong(c))).isEqualTo(new Certifications.Verification(CertificationStatus.LOCKED, 0));

        assertThatThrownBy(() -> certifications.verify(seller, CN, c.verificationAmount().toPlainString()))
                .as("even the right amount is refused while locked")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("certification_not_pending"));
        assertThatThrownBy(() -> certifications.submit(seller, CN, bankData(form().companyName())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("certification_locked"));
        assertThat(certifications.queue()).extracting(Certification::id).contains(c.id());
        assertThat(lastNotice(seller(seller)).kind()).isEqualTo("CERTIFICATION_LOCKED");
        assertThat(lastNotice(Recipient.operators()).link()).isEqualTo("/operator/certifications/" + c.id());
    }

    @Test
    void unlockingGivesThreeNewAttemptsAndANewAmount() {
        long seller = approvedSeller();
        Certification c = pending(seller);
        for (int i = 0; i < 3; i++) {
            certifications.verify(seller, CN, wrong(c));
        }

        Certification unlocked = certifications.unlock(c.id(), 1);
        assertThat(unlocked.status()).isEqualTo(CertificationStatus.PENDING);
        assertThat(unlocked.attemptsLeft()).isEqualTo(3);
        assertThat(unlocked.lockedAt()).isNull();
        assertThat(lastNotice(seller(seller)).kind()).isEqualTo("CERTIFICATION_UNLOCKED");
        assertThat(certifications.verify(seller, CN, unlocked.verificationAmount().toPlainString()).status())
                .isEqualTo(CertificationStatus.CERTIFIED);
        assertThatThrownBy(() -> certifications.unlock(c.id(), 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("certification_wrong_status"));
    }

    @Test
    void anOperatorMayRejectWithAReasonAndTheSellerStartsAgain() {
        long seller = approvedSeller();
        Certification c = pending(seller);
        certifications.verify(seller, CN, wrong(c));

        Certification rejected = certifications.reject(c.id(), 1, "The branch does not exist");
        assertThat(rejected.status()).isEqualTo(CertificationStatus.REJECTED);
        assertThat(lastNotice(seller(seller)).body()).contains("The branch does not exist");
        Certification again = certifications.submit(seller, CN, bankData(form().companyName()));
        assertThat(again.status()).isEqualTo(CertificationStatus.PENDING);
        assertThat(again.attemptsLeft()).isEqualTo(3);
    }

    @Test
    void theStandingNamesTheFirstGateNotYetPassed() {
        long seller = newSeller();
        assertThat(standing.of(seller).nextStep()).isEqualTo("onboarding");
        onboarding.approve(submitted(seller).id(), 1);
        assertThat(standing.of(seller).nextStep()).isEqualTo("agreement");
        Certification c = pending(seller);
        assertThat(standing.of(seller).nextStep()).isEqualTo("certification");
        assertThat(standing.of(seller).mayPublish()).isFalse();
        certifications.verify(seller, CN, c.verificationAmount().toPlainString());
        assertThat(standing.of(seller).mayPublish()).isTrue();
        assertThat(standing.of(seller).nextStep()).isNull();
    }

    @Test
    void theFixturesAndDemoSellerMayPublish() {
        long seller = seller();
        assertThat(standing.of(seller).mayPublish()).isTrue();
        certifications.admitWithoutReview(seller);
        assertThat(standing.of(seller).mayPublish()).as("admitting twice changes nothing").isTrue();
    }
}
