package org.opengallery.marketplace.catalog;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The publishing pages through the real security chain: the seller's editor, the operators' review and products. */
class PublishingPagesTest extends PublishingTestSupport {

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static SignedInUser as(Role role, long subjectId) {
        return new SignedInUser("user-" + role + subjectId, role, subjectId, null);
    }

    @Test
    void aSellerNotYetOnboardedIsToldWhichGateIsMissingAndWhereToGo() throws Exception {
        long newcomer = sellers.register("Newcomer " + unique(""), unique("new"), "new@example.com").id();
        mvc.perform(get("/seller/products").with(user(as(Role.SELLER, newcomer))).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not possible yet")))
                .andExpect(content().string(containsString("Your onboarding application is not approved yet")))
                .andExpect(content().string(containsString("href=\"/seller/onboarding\"")));
    }

    @Test
    void aSellerPublishesThroughTheFormsAndTheProductPageShowsAgreementAndSupport() throws Exception {
        long seller = seller();
        var asSeller = user(as(Role.SELLER, seller));
        String draftPage = mvc.perform(post("/seller/products/drafts").with(asSeller).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(draftPage.substring(draftPage.lastIndexOf('/') + 1));
        mvc.perform(get(draftPage).with(asSeller)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-rule=\"name\"")));
        mvc.perform(multipart(draftPage + "/logo").file(new MockMultipartFile("file", "logo.png", "image/png", PNG))
                .with(asSeller).with(csrf())).andExpect(redirectedUrl(draftPage));
        mvc.perform(multipart(draftPage + "/copyright").file(new MockMultipartFile("file", "c.pdf", "application/pdf", PDF))
                .with(asSeller).with(csrf())).andExpect(redirectedUrl(draftPage));
        String name = "Notes " + unique("");

        mvc.perform(post(draftPage).with(asSeller).with(csrf()).param("action", "submit")
                .param("name", name).param("accessType", "SAAS").param("version", "V2")
                .param("productionUrl", PRODUCTION_URL).param("encryptType", "AES_256")
                .param("salesRegion", "CN_MAINLAND").param("priceTemplate", "SIMPLE")
                .param("description", PublishingRulesTest.DESCRIPTION)
                .param("serviceAgreement", PublishingRulesTest.AGREEMENT)
                .param("supportContent", "电话与邮件支持").param("supportHours", "5×8 h")
                .param("supportPhone", "+86 400 000 0000").param("supportEmail", "support@isv.example.com")
                .param("skus[0].name", "Basic").param("skus[0].chargingMode", "PERIOD")
                .param("skus[0].monthPrice", "9.90").param("skus[0].trialDays", "14")
                .param("skus[1].name", "").param("skus[1].chargingMode", "PERIOD"))
                .andExpect(redirectedUrl("/seller/products"));

        var asOperator = user(as(Role.OPERATOR, OPERATOR));
        mvc.perform(get("/operator/publications").with(asOperator)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get("/operator/publications/{id}", id).with(asOperator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"copyright-file\"")));
        mvc.perform(get("/operator/publications/{id}/copyright", id).with(asOperator)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(post("/operator/publications/{id}/approve", id).with(asOperator).with(csrf()))
                .andExpect(redirectedUrl("/operator/publications"));

        long productId = publishing.application(seller, id).productId();
        mvc.perform(get("/products/{id}", productId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("服务商依法保护用户隐私")))
                .andExpect(content().string(containsString("support@isv.example.com")))
                .andExpect(content().string(containsString("id=\"product-logo\"")));
        mvc.perform(get("/seller/products").with(asSeller)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get("/seller/products/{id}", productId).with(asSeller)).andExpect(status().isOk())
                .andExpect(content().string(containsString("OFFI")));
    }

    @Test
    void aSellerNeverSeesAnotherSellersProductsOrDraftsByUrlGuessing() throws Exception {
        long owner = seller();
        Product p = published(owner);
        ProductApplication draft = publishing.newDraft(owner);
        var other = user(as(Role.SELLER, seller()));
        mvc.perform(get("/seller/products/drafts/{id}", draft.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/seller/products/{id}", p.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/seller/products/drafts/{id}/copyright", draft.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/seller/products/drafts/{id}", draft.id()).with(other).with(csrf()).param("name", "mine"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/products/{id}/hide", p.id()).with(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/seller/products").with(other)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(p.name()))));
        assertThat(publishing.application(owner, draft.id()).draft().name()).isNull();
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.LISTED);
    }

    @Test
    void operatorPagesNeedTheOperatorRole() throws Exception {
        long seller = seller();
        Product p = published(seller);
        var asSeller = user(as(Role.SELLER, seller));
        mvc.perform(get("/operator/publications").with(asSeller)).andExpect(status().isForbidden());
        mvc.perform(get("/operator/products").with(asSeller)).andExpect(status().isForbidden());
        mvc.perform(post("/operator/products/{id}/freeze", p.id()).with(asSeller).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/seller/products").with(user(as(Role.BUYER, buyer("0"))))).andExpect(status().isForbidden());
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.LISTED);
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() throws Exception {
        long seller = seller();
        Product p = published(seller);
        mvc.perform(post("/seller/products/drafts").with(user(as(Role.SELLER, seller)))).andExpect(status().isForbidden());
        mvc.perform(post("/seller/products/{id}/hide", p.id()).with(user(as(Role.SELLER, seller))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operator/products/{id}/freeze", p.id()).with(user(as(Role.OPERATOR, OPERATOR)))
                .param("reason", "x")).andExpect(status().isForbidden());
        assertThat(sales.row(p.id()).orElseThrow().state()).isEqualTo(ProductState.LISTED);
    }

    @Test
    void anUploadOfTheWrongTypeComesBackWithAClearError() throws Exception {
        long seller = seller();
        ProductApplication draft = publishing.newDraft(seller);
        String page = "/seller/products/drafts/" + draft.id();
        mvc.perform(multipart(page + "/logo").file(new MockMultipartFile("file", "logo.png", "image/png", "<svg/>".getBytes()))
                .with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("error", containsString("not JPEG or PNG")));
    }

    @Test
    void theOperatorFindsAProductBySellerNameFreezesItAndTheSellerSeesWhy() throws Exception {
        long seller = seller();
        Product p = published(seller);
        String sellerName = sellers.seller(seller).orElseThrow().name();
        var asOperator = user(as(Role.OPERATOR, OPERATOR));
        mvc.perform(get("/operator/products").param("q", sellerName).with(asOperator)).andExpect(status().isOk())
                .andExpect(content().string(containsString(p.name())));
        mvc.perform(post("/operator/products/{id}/freeze", p.id()).with(asOperator).with(csrf()).param("reason", "")
                .param("lang", "en")).andExpect(flash().attribute("error", containsString("Please give a reason")));

        mvc.perform(post("/operator/products/{id}/freeze", p.id()).with(asOperator).with(csrf())
                .param("reason", "dial tests failed for 5 days")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/operator/products").param("state", "FROZEN").with(asOperator))
                .andExpect(content().string(containsString(p.name())));
        mvc.perform(get("/seller/products").with(user(as(Role.SELLER, seller))))
                .andExpect(content().string(containsString("dial tests failed for 5 days")));
        mvc.perform(get("/products/{id}", p.id())).andExpect(status().isNotFound());
    }
}
