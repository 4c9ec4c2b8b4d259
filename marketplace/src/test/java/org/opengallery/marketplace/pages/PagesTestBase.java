package org.opengallery.marketplace.pages;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.junit.jupiter.api.BeforeEach;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Page tests: MockMvc with the real security filter chains, on the domain tests' shared context. */
abstract class PagesTestBase extends DomainTest {

    static final String PASSWORD = "correct horse 42";

    @Autowired WebApplicationContext context;
    @Autowired Logins logins;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** A login for this buyer, seller or operator, with {@link #PASSWORD}; returns the login name. */
    String login(Role role, long subjectId) {
        String login = unique(role.name().toLowerCase() + "-");
        logins.create(login, role, subjectId, PASSWORD);
        return login;
    }

    /** The signed-in principal MockMvc requests run as (no password round trip). */
    static SignedInUser as(Role role, long subjectId) {
        return new SignedInUser("user-" + role + subjectId, role, subjectId, null);
    }
}
