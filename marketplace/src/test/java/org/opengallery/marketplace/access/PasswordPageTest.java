package org.opengallery.marketplace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** 修改密码: a signed-in user changes its own password, only with the current one. */
class PasswordPageTest extends DomainTest {

    @Autowired Logins logins;
    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** A buyer signed in with its own login, whose password is {@code password}. */
    private SignedInUser buyerWithPassword(String password) {
        String login = unique("buyer");
        long buyer = buyer("0");
        logins.create(login, Role.BUYER, buyer, password);
        return new SignedInUser(login, Role.BUYER, buyer, null);
    }

    private MockHttpServletRequestBuilder change(SignedInUser who, String current, String next, String confirm) {
        return post("/account/password").with(user(who)).with(csrf())
                .param("current", current).param("password", next).param("confirm", confirm);
    }

    @Test
    void aUserChangesItsPasswordAndSignsInWithTheNewOneOnly() throws Exception {
        SignedInUser me = buyerWithPassword("old password 1");
        String login = me.getUsername();

        mvc.perform(get("/account/password").with(user(me))).andExpect(status().isOk());
        mvc.perform(change(me, "old password 1", "new password 2", "new password 2"))
                .andExpect(redirectedUrl("/account/password")).andExpect(flash().attributeExists("notice"));

        assertThat(logins.authenticate(login, "new password 2")).isPresent();
        assertThat(logins.authenticate(login, "old password 1")).isEmpty();
    }

    @Test
    void theWrongCurrentPasswordChangesNothing() throws Exception {
        SignedInUser me = buyerWithPassword("old password 1");
        String login = me.getUsername();

        mvc.perform(change(me, "guessed wrong", "new password 2", "new password 2"))
                .andExpect(flash().attribute("error", "当前密码不正确。"));

        assertThat(logins.authenticate(login, "old password 1")).isPresent();
    }

    @Test
    void aShortOrUnconfirmedNewPasswordIsRefused() throws Exception {
        SignedInUser me = buyerWithPassword("old password 1");
        String login = me.getUsername();

        mvc.perform(change(me, "old password 1", "short", "short"))
                .andExpect(flash().attribute("error", "密码为 8 到 72 个字符。"));
        mvc.perform(change(me, "old password 1", "new password 2", "new password 3"))
                .andExpect(flash().attribute("error", "两次输入的新密码不一致。"));
        mvc.perform(change(me, "old password 1", "old password 1", "old password 1"))
                .andExpect(flash().attribute("error", "新密码不能与当前密码相同。"));

        assertThat(logins.authenticate(login, "old password 1")).isPresent();
    }

    @Test
    void aSellersSubUserChangesItsOwnPasswordNotTheMainLogins() throws Exception {
        long seller = seller();
        String main = unique("main");
        String sub = unique("sub");
        logins.create(main, Role.SELLER, seller, "main password 1");
        logins.createSubLogin(sub, Role.SELLER, seller, "sub password 1");
        SignedInUser subUser = new SignedInUser(sub, Role.SELLER, seller, null, true);

        mvc.perform(change(subUser, "sub password 1", "sub password 2", "sub password 2"))
                .andExpect(flash().attributeExists("notice"));

        assertThat(logins.find(sub).orElseThrow().passwordHash()).isNotEqualTo(logins.find(main).orElseThrow().passwordHash());
        assertThat(logins.authenticate(main, "main password 1")).isPresent();
    }

    @Test
    void signedOutOrWithoutCsrfTokenNothingHappens() throws Exception {
        mvc.perform(get("/account/password")).andExpect(redirectedUrlPattern("**/login"));
        SignedInUser me = buyerWithPassword("old password 1");
        String login = me.getUsername();
        mvc.perform(post("/account/password").with(user(me))
                        .param("current", "old password 1").param("password", "new password 2")
                        .param("confirm", "new password 2"))
                .andExpect(status().isForbidden());
        assertThat(logins.authenticate(login, "old password 1")).isPresent();
    }
}
