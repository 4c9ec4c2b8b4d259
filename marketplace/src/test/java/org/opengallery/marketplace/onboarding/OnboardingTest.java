package org.opengallery.marketplace.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

class OnboardingTest extends OnboardingTestBase {

    @Autowired Logins logins;

    @Test
    void registeringGivesASellerThatCanSignIn() {
        String login = unique("shop");
        var seller = onboarding.register(login, "long enough 1", "Shop Ltd.", "service@shop.example.com");

        assertThat(sellers.sellerByLogin(login)).contains(seller);
        assertThat(logins.authenticate(login, "long enough 1")).hasValueSatisfying(c -> {
            assertThat(c.role()).isEqualTo(Role.SELLER);
            assertThat(c.id()).isEqualTo(seller.id());
        });
    }

    @Test
    void aTakenLoginOrAShortPasswordIsRefusedAndNothingIsCreated() {
        String login = unique("shop");
        onboarding.register(login, "long enough 1", "Shop Ltd.", "service@shop.example.com");
        assertThatThrownBy(() -> onboarding.register(login, "long enough 2", "Other", "o@shop.example.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("login_taken"));

        String buyersLogin = unique("buyer");
        logins.create(buyersLogin, Role.BUYER, buyer("0"), "long enough 3");
        assertThatThrownBy(() -> onboarding.register(buyersLogin, "long enough 4", "Other", "o@shop.example.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("login_taken"));
        assertThat(sellers.sellerByLogin(buyersLogin)).isEmpty();

        String fresh = unique("shop");
        assertThatThrownBy(() -> onboarding.register(fresh, "short", "Shop", "s@shop.example.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("invalid_password"));
        assertThat(sellers.sellerByLogin(fresh)).isEmpty();
    }

    @Test
    void aDraftMayBeIncompleteAndKeepsItsUploads() {
        long seller = newSeller();
        var draft = onboarding.saveDraft(seller, ApplicationForm.blank(ApplicantType.ENTERPRISE), png("logo"), null);
        assertThat(draft.status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(draft.logoFileId()).isNotNull();

        var again = onboarding.saveDraft(seller, form(), null, null);
        assertThat(again.logoFileId()).isEqualTo(draft.logoFileId());
        assertThat(again.form().companyName()).isEqualTo("Team Notes Ltd.");
    }

    @Test
    void theLogoMustBeAJpgOrPngImage() {
        long seller = newSeller();
        var gif = new MockMultipartFile("logo", "logo.png", "image/png", "GIF89a....".getBytes());
        assertThatThrownBy(() -> onboarding.saveDraft(seller, form(), gif, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("upload_wrong_type"));
        var big = new MockMultipartFile("logo", "logo.png", "image/png", new byte[5 * 1024 * 1024 + 1]);
        assertThatThrownBy(() -> onboarding.saveDraft(seller, form(), big, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("upload_too_large"));
    }

    @Test
    void submittingAnIncompleteFormReportsEveryProblemAndKeepsTheDraft() {
        long seller = newSeller();
        var incomplete = ApplicationRulesTest.with(form(), "agreement", false);
        assertThatThrownBy(() -> onboarding.submit(seller, incomplete, null, null))
                .isInstanceOfSatisfying(FormProblems.class, e -> assertThat(e.codes())
                        .containsExactlyInAnyOrder("onboarding_logo", "onboarding_licence", "onboarding_agreement"));
        assertThat(onboarding.application(seller)).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.DRAFT);
            assertThat(a.form().website()).isEqualTo(form().website());
        });
    }

    @Test
    void submittingStartsTheThreeWorkingDayReviewAndTellsTheOperators() {
        long seller = newSeller();
        Application a = submitted(seller);

        LocalDate today = LocalDate.ofInstant(clock.instant(), Onboarding.ZONE);
        assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(a.reviewDue()).isEqualTo(WorkingDays.after(today, 3));
        assertThat(onboarding.awaitingReview()).extracting(Application::id).contains(a.id());
        assertThat(lastNotice(Recipient.operators()).link()).isEqualTo("/operator/onboarding/" + a.id());
    }

    @Test
    void theQueueIsOldestFirstAndMarksOverdueApplications() {
        // the shared clock stays put (moving it would wake other tests' scheduled work); equal times order by id
        Application older = submitted(newSeller());
        Application newer = submitted(newSeller());

        var queue = onboarding.awaitingReview().stream().map(Application::id).toList();
        assertThat(queue.indexOf(older.id())).isLessThan(queue.indexOf(newer.id()));
        assertThat(older.overdue(older.reviewDue())).isFalse();
        assertThat(older.overdue(older.reviewDue().plusDays(1))).isTrue();
    }

    @Test
    void aSubmittedApplicationCannotBeChanged() {
        long seller = newSeller();
        submitted(seller);
        assertThatThrownBy(() -> onboarding.saveDraft(seller, form(), null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("onboarding_not_editable"));
    }

    @Test
    void approvalReachesTheSellersMessageCenterAndCustomerServiceEmail() {
        long seller = newSeller();
        Application a = onboarding.approve(submitted(seller).id(), 1);

        assertThat(a.status()).isEqualTo(ApplicationStatus.APPROVED);
        var notice = lastNotice(seller(seller));
        assertThat(notice.kind()).isEqualTo("ONBOARDING_APPROVED");
        assertThat(notice.link()).isEqualTo("/seller/onboarding");
        assertThat(emailedTo(notice)).isEqualTo(form().serviceEmail());
        assertThat(onboarding.awaitingReview()).extracting(Application::id).doesNotContain(a.id());
    }

    @Test
    void rejectionNeedsAReasonThatReachesTheSeller() {
        long seller = newSeller();
        long id = submitted(seller).id();
        assertThatThrownBy(() -> onboarding.reject(id, 1, " "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("onboarding_reason"));

        Application a = onboarding.reject(id, 1, "The licence scan is unreadable");
        assertThat(a.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(a.rejectReason()).isEqualTo("The licence scan is unreadable");
        var notice = lastNotice(seller(seller));
        assertThat(notice.kind()).isEqualTo("ONBOARDING_REJECTED");
        assertThat(notice.body()).contains("The licence scan is unreadable");
        assertThat(emailedTo(notice)).isEqualTo(form().serviceEmail());
    }

    @Test
    void aRejectedApplicationCanBeEditedAndSubmittedAgain() {
        long seller = newSeller();
        long id = submitted(seller).id();
        onboarding.reject(id, 1, "Blurry licence");

        Application again = onboarding.submit(seller, form(), null, pdf("licence-2"));
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(again.rejectReason()).isNull();
        onboarding.approve(id, 1);
        assertThatThrownBy(() -> onboarding.approve(id, 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("onboarding_not_submitted"));
    }
}
