package org.opengallery.marketplace.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

class SubUsersTest extends OnboardingTestBase {

    static final String PASSWORD = "sub user pass 1";

    @Autowired SubUsers subUsers;
    @Autowired Logins logins;
    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static SignedInUser mainLogin(long seller) {
        return new SignedInUser("main-" + seller, Role.SELLER, seller, null);
    }

    static SignedInUser subUser(SubUser s) {
        return new SignedInUser(s.login(), Role.SELLER, s.sellerId(), null, true);
    }

    @Test
    void aSellerHasAtMostFiftySubUsers() {
        long seller = newSeller();
        for (int i = 0; i < SubUsers.MAX; i++) {
            subUsers.add(seller, unique("sub"), PASSWORD, Set.of(SellerPage.ORDERS));
        }
        assertThatThrownBy(() -> subUsers.add(seller, unique("sub"), PASSWORD, Set.of(SellerPage.ORDERS)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("subuser_limit"));
        assertThat(subUsers.of(seller)).hasSize(SubUsers.MAX);
        assertThat(subUsers.add(newSeller(), unique("sub"), PASSWORD, Set.of())).as("the limit is per seller").isNotNull();
    }

    @Test
    void aSubUserSignsInAsTheSellerButOpensOnlyItsPages() throws Exception {
        long seller = newSeller();
        SubUser clerk = subUsers.add(seller, unique("clerk"), PASSWORD, Set.of(SellerPage.ONBOARDING));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(clerk.login()).password(PASSWORD))
                .andExpect(redirectedUrl("/seller")).andReturn().getRequest().getSession();

        mvc.perform(get("/seller/onboarding").session(session)).andExpect(status().isOk());
        mvc.perform(get("/seller/certification").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/seller/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/seller").session(session)).andExpect(status().isForbidden());

        subUsers.permit(seller, clerk.login(), Set.of(SellerPage.ONBOARDING, SellerPage.CERTIFICATION));
        mvc.perform(get("/seller/certification").session(session)).andExpect(status().isOk());
    }

    @Test
    void onlyTheMainLoginManagesSubUsers() throws Exception {
        long seller = newSeller();
        var me = user(mainLogin(seller));
        String login = unique("clerk");
        mvc.perform(post("/seller/users").with(me).with(csrf()).param("login", login).param("password", PASSWORD)
                        .param("permissions", "orders", "keys"))
                .andExpect(redirectedUrl("/seller/users"));
        SubUser clerk = subUsers.of(seller, login).orElseThrow();
        assertThat(clerk.permissions()).containsExactlyInAnyOrder(SellerPage.ORDERS, SellerPage.KEYS);
        mvc.perform(get("/seller/users").with(me)).andExpect(status().isOk());

        var asClerk = user(subUser(clerk));
        mvc.perform(post("/seller/users").with(asClerk).with(csrf()).param("login", unique("x"))
                .param("password", PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(post("/seller/users/{l}/permissions", login).with(asClerk).with(csrf())
                .param("permissions", "onboarding")).andExpect(status().isForbidden());
        assertThat(subUsers.of(seller)).hasSize(1);
    }

    @Test
    void aSellerCannotTouchAnotherSellersSubUser() throws Exception {
        long alice = newSeller();
        SubUser theirs = subUsers.add(alice, unique("clerk"), PASSWORD, Set.of(SellerPage.ORDERS));
        var mallory = user(mainLogin(newSeller()));
        mvc.perform(post("/seller/users/{l}/remove", theirs.login()).with(mallory).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/users/{l}/permissions", theirs.login()).with(mallory).with(csrf())
                .param("permissions", "keys")).andExpect(status().isNotFound());
        assertThat(subUsers.of(alice, theirs.login())).hasValue(theirs);
        // without a CSRF token
        mvc.perform(post("/seller/users").with(mallory).param("login", unique("x")).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void removingASubUserEndsItsAccessAtOnce() throws Exception {
        long seller = newSeller();
        SubUser clerk = subUsers.add(seller, unique("clerk"), PASSWORD, Set.of(SellerPage.ONBOARDING));
        var signedIn = user(subUser(clerk));
        mvc.perform(get("/seller/onboarding").with(signedIn)).andExpect(status().isOk());

        mvc.perform(post("/seller/users/{l}/remove", clerk.login()).with(user(mainLogin(seller))).with(csrf()))
                .andExpect(redirectedUrl("/seller/users"));
        mvc.perform(get("/seller/onboarding").with(signedIn)).andExpect(status().isForbidden());
        assertThat(logins.find(clerk.login())).isEmpty();
    }

    @Test
    void subUsersGetNoApiTokenAndSurviveTheMainPasswordChange() {
        long seller = newSeller();
        String main = unique("main");
        logins.create(main, Role.SELLER, seller, "main password 1");
        SubUser clerk = subUsers.add(seller, unique("clerk"), PASSWORD, List.of(SellerPage.ORDERS));

        assertThat(logins.authenticate(clerk.login(), PASSWORD)).isEmpty();
        assertThat(logins.find(clerk.login())).hasValueSatisfying(l -> assertThat(l.main()).isFalse());
        logins.setPassword(main, Role.SELLER, seller, "main password 2");
        assertThat(logins.find(clerk.login())).isPresent();
        assertThat(logins.authenticate(main, "main password 2")).isPresent();
        assertThatThrownBy(() -> logins.create(unique("second-main"), Role.SELLER, seller, "main password 3"))
                .as("still one main login per seller")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("login_taken"));
    }

    @Test
    void eachSellerPathBelongsToOnePage() {
        assertThat(SellerPage.ofPath("/seller")).contains(SellerPage.OVERVIEW);
        assertThat(SellerPage.ofPath("/seller/keys")).contains(SellerPage.KEYS);
        assertThat(SellerPage.ofPath("/seller/orders/123/details")).contains(SellerPage.ORDERS);
        assertThat(SellerPage.ofPath("/seller/order-notifications")).contains(SellerPage.ORDER_NOTIFICATIONS);
        assertThat(SellerPage.ofPath("/seller/ordersx")).isEmpty();
        assertThat(SellerPage.ofPath("/seller/users")).isEmpty();
    }
}
