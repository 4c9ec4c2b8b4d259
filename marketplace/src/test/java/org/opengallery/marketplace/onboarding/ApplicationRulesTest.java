package org.opengallery.marketplace.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.onboarding.FormProblems.Problem;

/** The §1.3 rules of the onboarding form, one test per rule, and the working-day SLA. */
class ApplicationRulesTest {

    static final String INTRO = "Team Notes builds shared note taking for small and large teams since 2015.";

    static ApplicationForm complete() {
        return new ApplicationForm(ApplicantType.ENTERPRISE, "Team Notes Ltd.", "https://www.teamnotes.example.com",
                "Y3_5", "S15_50", "500000", "Li Lei", "+86 138 0000 0000", "lilei@teamnotes.example.com", "China",
                "Beijing", "Beijing", "1 Zhongguancun Street", "100080", "+86 10 12345678",
                "service@teamnotes.example.com", INTRO, true);
    }

    static ApplicationForm with(ApplicationForm f, String field, Object value) {
        return new ApplicationForm(
                field.equals("type") ? (ApplicantType) value : f.applicantType(),
                field.equals("name") ? (String) value : f.companyName(),
                field.equals("website") ? (String) value : f.website(),
                f.businessYears(), f.employeeScale(),
                field.equals("capital") ? (String) value : f.registeredCapital(),
                f.contactName(), f.contactPhone(), f.contactEmail(), f.country(), f.province(), f.city(),
                f.addressLine(), f.postcode(),
                field.equals("servicePhone") ? (String) value : f.servicePhone(),
                field.equals("serviceEmail") ? (String) value : f.serviceEmail(),
                field.equals("intro") ? (String) value : f.introduction(),
                field.equals("agreement") ? (Boolean) value : f.agreementAccepted());
    }

    static List<String> codes(ApplicationForm f) {
        return ApplicationRules.submittable(f, 1L, 2L).stream().map(Problem::code).toList();
    }

    @Test
    void aCompleteEnterpriseFormMayBeSubmitted() {
        assertThat(codes(complete())).isEmpty();
    }

    @Test
    void theWebsiteMustStartWithHttpOrHttps() {
        assertThat(codes(with(complete(), "website", "ftp://teamnotes.example.com"))).containsExactly("onboarding_website");
        assertThat(codes(with(complete(), "website", "www.teamnotes.example.com"))).containsExactly("onboarding_website");
        assertThat(codes(with(complete(), "website", "http://teamnotes.example.com"))).isEmpty();
    }

    @Test
    void theWebsiteMustBeADomainNotABareIp() {
        assertThat(codes(with(complete(), "website", "http://203.0.113.7/"))).containsExactly("onboarding_website_host");
        assertThat(codes(with(complete(), "website", "http://localhost:8080"))).containsExactly("onboarding_website_host");
    }

    @Test
    void theWebsiteMustNotBeAProductLoginPage() {
        assertThat(codes(with(complete(), "website", "https://app.teamnotes.example.com/login")))
                .containsExactly("onboarding_website_login");
        assertThat(codes(with(complete(), "website", "https://teamnotes.example.com/?next=sso")))
                .containsExactly("onboarding_website_login");
    }

    @Test
    void theIntroductionMustNotContainExternalLinks() {
        for (String link : List.of("see http://teamnotes.example.com", "visit www.teamnotes", "try teamnotes.io today",
                "mail sales@teamnotes.cn")) {
            assertThat(codes(with(complete(), "intro", INTRO + " " + link))).as(link).containsExactly("onboarding_intro_link");
        }
        assertThat(codes(with(complete(), "intro", INTRO + " Team Notes Co.Ltd. e.g. notes."))).isEmpty();
    }

    @Test
    void theIntroductionMustNotUseSuperlatives() {
        for (String word : List.of("the best notes app", "No.1 in China", "world-class notes", "BEST value")) {
            assertThat(codes(with(complete(), "intro", INTRO + " " + word))).as(word)
                    .containsExactly("onboarding_intro_superlative");
        }
        assertThat(codes(with(complete(), "intro", INTRO + " 最佳"))).contains("onboarding_intro_superlative");
        assertThat(ApplicationRules.superlatives("we bestow notes on teams")).isEmpty();
    }

    @Test
    void theIntroductionMustBeInEnglish() {
        assertThat(codes(with(complete(), "intro", "团队笔记是一款面向团队的共享笔记软件,服务中小企业。")))
                .containsExactly("onboarding_intro_english");
        assertThat(codes(with(complete(), "intro", "Notes."))).containsExactly("onboarding_intro_english");
        assertThat(codes(with(complete(), "intro", " "))).containsExactly("onboarding_intro");
    }

    @Test
    void customerServicePhoneAndEmailAreRequired() {
        assertThat(codes(with(complete(), "servicePhone", "call us"))).containsExactly("onboarding_service_phone");
        assertThat(codes(with(complete(), "servicePhone", null))).containsExactly("onboarding_service_phone");
        assertThat(codes(with(complete(), "serviceEmail", "service-at-example"))).containsExactly("onboarding_service_email");
    }

    @Test
    void theAgreementMustBeTicked() {
        assertThat(codes(with(complete(), "agreement", false))).containsExactly("onboarding_agreement");
    }

    @Test
    void anEnterpriseNeedsItsLogoAndBusinessLicence() {
        var problems = ApplicationRules.submittable(complete(), null, null).stream().map(Problem::code).toList();
        assertThat(problems).containsExactlyInAnyOrder("onboarding_logo", "onboarding_licence");
    }

    @Test
    void theRegisteredCapitalIsAPositiveAmount() {
        assertThat(codes(with(complete(), "capital", "-5"))).containsExactly("onboarding_capital");
        assertThat(codes(with(complete(), "capital", "lots"))).containsExactly("onboarding_capital");
        assertThat(codes(with(complete(), "capital", "500,000.50"))).isEmpty();
    }

    @Test
    void anIndividualDeveloperIsNotAskedForCompanyFields() {
        ApplicationForm individual = with(with(with(complete(), "type", ApplicantType.INDIVIDUAL), "website", null),
                "capital", null);
        assertThat(ApplicationRules.submittable(individual, 1L, null)).isEmpty();
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        var blank = ApplicationForm.blank(ApplicantType.ENTERPRISE);
        assertThat(ApplicationRules.submittable(blank, null, null)).extracting(Problem::code)
                .contains("onboarding_name", "onboarding_website", "onboarding_contact", "onboarding_service_phone",
                        "onboarding_service_email", "onboarding_intro", "onboarding_logo", "onboarding_licence",
                        "onboarding_agreement");
    }

    @Test
    void theReviewIsDueThreeWorkingDaysLaterSkippingWeekends() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(WorkingDays.after(monday, 3)).isEqualTo(monday.plusDays(3));          // Thursday
        assertThat(WorkingDays.after(monday.plusDays(3), 3)).isEqualTo(monday.plusDays(8)); // Thu -> next Tue
        assertThat(WorkingDays.after(monday.plusDays(4), 3)).isEqualTo(monday.plusDays(9)); // Fri -> next Wed
        assertThat(WorkingDays.after(monday.plusDays(5), 3)).isEqualTo(monday.plusDays(9)); // Sat -> next Wed
    }
}
