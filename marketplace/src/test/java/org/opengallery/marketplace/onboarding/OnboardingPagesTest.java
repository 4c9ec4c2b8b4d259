package org.opengallery.marketplace.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The onboarding pages through the real security chain: who may open what, and the forms end to end. */
class OnboardingPagesTest extends OnboardingTestBase {

    @Autowired WebApplicationContext context;
    @Autowired Logins logins;
    @Autowired Certifications certifications;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static SignedInUser as(Role role, long subjectId) {
        return new SignedInUser("user-" + role + subjectId, role, subjectId, null);
    }

    @Test
    void anyoneMayRegisterAsASellerAndThenSignIn() throws Exception {
        mvc.perform(get("/register/seller")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(content().string(containsString("/register/seller")));
        String login = unique("shop");
        mvc.perform(post("/register/seller").with(csrf()).param("login", login).param("password", "long enough 1")
                        .param("sellerName", "Shop Ltd.").param("email", "service@shop.example.com"))
                .andExpect(redirectedUrl("/login"));
        assertThat(logins.authenticate(login, "long enough 1")).isPresent();

        mvc.perform(post("/register/seller").with(csrf()).param("login", login).param("password", "long enough 1")
                        .param("sellerName", "Shop Ltd.").param("email", "service@shop.example.com"))
                .andExpect(redirectedUrl("/register/seller")).andExpect(flash().attributeExists("error"));
    }

    @Test
    void theApplicationPageShowsTheReviewTimeAndDueDate() throws Exception {
        long seller = newSeller();
        mvc.perform(get("/seller/onboarding").with(user(as(Role.SELLER, seller))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("审核时限: 3 个工作日")));
        Application a = submitted(seller);
        mvc.perform(get("/seller/onboarding").with(user(as(Role.SELLER, seller))))
                .andExpect(content().string(containsString(a.reviewDue().toString())));
    }

    @Test
    void submittingTheFormUploadsTheFilesAndHandsItIn() throws Exception {
        long seller = newSeller();
        var f = form();
        mvc.perform(multipart("/seller/onboarding").file(png("logo")).file(pdf("licence")).with(csrf())
                        .with(user(as(Role.SELLER, seller))).param("action", "submit")
                        .param("applicantType", "ENTERPRISE").param("companyName", f.companyName())
                        .param("website", f.website()).param("businessYears", f.businessYears())
                        .param("employeeScale", f.employeeScale()).param("registeredCapital", f.registeredCapital())
                        .param("contactName", f.contactName()).param("contactPhone", f.contactPhone())
                        .param("contactEmail", f.contactEmail()).param("country", f.country())
                        .param("province", f.province()).param("city", f.city()).param("addressLine", f.addressLine())
                        .param("postcode", f.postcode()).param("servicePhone", f.servicePhone())
                        .param("serviceEmail", f.serviceEmail()).param("introduction", f.introduction())
                        .param("agreementAccepted", "true"))
                .andExpect(redirectedUrl("/seller/onboarding")).andExpect(flash().attributeExists("notice"));
        assertThat(onboarding.application(seller)).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(a.form()).isEqualTo(f);
        });
    }

    @Test
    void aProblemInTheFormIsShownInThePagesLanguage() throws Exception {
        long seller = newSeller();
        mvc.perform(post("/seller/onboarding").with(csrf()).with(user(as(Role.SELLER, seller)))
                        .param("action", "submit").param("applicantType", "ENTERPRISE")
                        .param("website", "ftp://x.example.com").param("introduction", "The best notes, see www.x.com"))
                .andExpect(redirectedUrl("/seller/onboarding"))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItems(
                        containsString("公司网站"), containsString("外部链接"), containsString("best"))));
    }

    @Test
    void aSellerCannotOpenAnotherSellersApplicationOrLicence() throws Exception {
        long alice = newSeller();
        Application theirs = submitted(alice);
        long mallory = newSeller();
        submitted(mallory);
        var asMallory = user(as(Role.SELLER, mallory));

        mvc.perform(get("/seller/onboarding/files/{f}", theirs.licenceFileId()).with(asMallory))
                .andExpect(status().isNotFound());
        mvc.perform(get("/files/{f}", theirs.licenceFileId())).andExpect(status().isNotFound());
        mvc.perform(get("/seller/onboarding").with(asMallory))
                .andExpect(content().string(not(containsString("/seller/onboarding/files/" + theirs.licenceFileId()))));
        mvc.perform(get("/seller/onboarding/files/{f}", theirs.licenceFileId()).with(user(as(Role.SELLER, alice))))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/operator/onboarding/{id}", theirs.id()).with(asMallory)).andExpect(status().isForbidden());
        mvc.perform(get("/operator/onboarding/{id}/files/{f}", theirs.id(), theirs.licenceFileId()).with(asMallory))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOperatorConsoleIsForOperatorsOnly() throws Exception {
        var buyer = user(as(Role.BUYER, buyer("0")));
        var seller = user(as(Role.SELLER, newSeller()));
        for (String page : List.of("/operator/onboarding", "/operator/certifications")) {
            mvc.perform(get(page).with(buyer)).andExpect(status().isForbidden());
            mvc.perform(get(page).with(seller)).andExpect(status().isForbidden());
            mvc.perform(get(page).with(user(as(Role.OPERATOR, 1)))).andExpect(status().isOk());
        }
    }

    @Test
    void theOperatorSeesEveryFieldAndTheLicenceAndDecides() throws Exception {
        long seller = newSeller();
        Application a = submitted(seller);
        var operator = user(as(Role.OPERATOR, 1));
        mvc.perform(get("/operator/onboarding").with(operator))
                .andExpect(content().string(containsString("/operator/onboarding/" + a.id())));
        mvc.perform(get("/operator/onboarding/{id}", a.id()).with(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(form().introduction())))
                .andExpect(content().string(containsString(form().serviceEmail())));
        mvc.perform(get("/operator/onboarding/{id}/files/{f}", a.id(), a.licenceFileId()).with(operator))
                .andExpect(status().isOk());
        mvc.perform(get("/operator/onboarding/{id}/files/{f}", a.id(), a.licenceFileId() + 1_000_000).with(operator))
                .andExpect(status().isNotFound());

        mvc.perform(post("/operator/onboarding/{id}/reject", a.id()).with(operator).with(csrf()).param("reason", ""))
                .andExpect(redirectedUrl("/operator/onboarding/" + a.id())).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/operator/onboarding/{id}/approve", a.id()).with(operator).with(csrf()))
                .andExpect(redirectedUrl("/operator/onboarding"));
        assertThat(onboarding.application(seller).orElseThrow().status()).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void certificationIsBlockedUntilTheApplicationIsApproved() throws Exception {
        long seller = newSeller();
        mvc.perform(get("/seller/certification").with(user(as(Role.SELLER, seller))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/seller/onboarding")))
                .andExpect(content().string(not(containsString("name=\"accountNumber\""))));
    }

    @Test
    void aSellerSignsCertifiesAndEntersTheAmountThroughThePages() throws Exception {
        long seller = approvedSeller();
        var me = user(as(Role.SELLER, seller));
        mvc.perform(post("/seller/certification/HUAWEI_CLOUD_CN/agreement").with(me).with(csrf()).param("agree", "true"))
                .andExpect(redirectedUrl("/seller/certification"));
        mvc.perform(post("/seller/certification/HUAWEI_CLOUD_CN").with(me).with(csrf())
                        .param("accountName", form().companyName()).param("bankName", "Bank of Example")
                        .param("bankBranch", "Haidian").param("accountNumber", "62220212345678")
                        .param("taxpayerType", "GENERAL").param("taxId", "91110108MA01ABCD2X")
                        .param("financeName", "Han").param("financePhone", "+86 139 0000 0000")
                        .param("financeEmail", "finance@example.com"))
                .andExpect(redirectedUrl("/seller/certification")).andExpect(flash().attributeExists("notice"));
        var c = certifications.certification(seller, ContractingEntity.HUAWEI_CLOUD_CN).orElseThrow();
        mvc.perform(get("/operator/certifications/{id}", c.id()).with(user(as(Role.OPERATOR, 1))))
                .andExpect(content().string(containsString(c.verificationAmount().toPlainString())));
        mvc.perform(get("/seller/certification").with(me))
                .andExpect(content().string(not(containsString(c.verificationAmount().toPlainString()))));
        mvc.perform(post("/seller/certification/HUAWEI_CLOUD_CN/amount").with(me).with(csrf())
                        .param("amount", c.verificationAmount().toPlainString()))
                .andExpect(redirectedUrl("/seller/certification")).andExpect(flash().attributeExists("notice"));
        assertThat(certifications.certification(seller, ContractingEntity.HUAWEI_CLOUD_CN).orElseThrow().status())
                .isEqualTo(CertificationStatus.CERTIFIED);
    }

    @Test
    void everyFormRejectsAMissingCsrfToken() throws Exception {
        long seller = newSeller();
        Application a = submitted(seller);
        var me = user(as(Role.SELLER, seller));
        var operator = user(as(Role.OPERATOR, 1));
        List<MockHttpServletRequestBuilder> forms = List.of(
                post("/register/seller").param("login", unique("x")).param("password", "long enough 1")
                        .param("sellerName", "X").param("email", "x@example.com"),
                post("/seller/onboarding").with(me).param("action", "draft"),
                post("/seller/certification/HUAWEI_CLOUD_CN/agreement").with(me).param("agree", "true"),
                post("/seller/certification/HUAWEI_CLOUD_CN/amount").with(me).param("amount", "0.10"),
                post("/operator/onboarding/{id}/approve", a.id()).with(operator),
                post("/operator/onboarding/{id}/reject", a.id()).with(operator).param("reason", "no"),
                post("/operator/certifications/{id}/unlock", 1).with(operator));
        for (MockHttpServletRequestBuilder form : forms) {
            mvc.perform(form).andExpect(status().isForbidden());
        }
        assertThat(onboarding.application(seller).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }
}
