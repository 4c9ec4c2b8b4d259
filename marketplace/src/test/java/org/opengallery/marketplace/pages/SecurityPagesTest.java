package org.opengallery.marketplace.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.order.OrderStatus;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages' security rules: sign-in by role, areas by role, CSRF on every form, buyers see only their own. */
class SecurityPagesTest extends PagesTestBase {

    @Test
    void signInLandsOnTheRolesHome() throws Exception {
        mvc.perform(formLogin("/login").user(login(Role.BUYER, buyer("0"))).password(PASSWORD))
                .andExpect(redirectedUrl("/buyer/services"));
        mvc.perform(formLogin("/login").user(login(Role.SELLER, seller())).password(PASSWORD))
                .andExpect(redirectedUrl("/seller"));
        mvc.perform(formLogin("/login").user(login(Role.OPERATOR, 900_000 + SEQ++)).password(PASSWORD))
                .andExpect(redirectedUrl("/operator"));
    }

    private static int SEQ = 1;

    @Test
    void signingInToBuyComesBackToTheProduct() throws Exception {
        String sku = unique("sku");
        var product = product(seller(), periodSku(sku, "10.00", "100.00"));
        String buyer = login(Role.BUYER, buyer("0"));
        var asked = mvc.perform(get("/buyer/buy/{id}", product.id()))
                .andExpect(redirectedUrlPattern("**/login")).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) asked.getRequest().getSession();
        var back = mvc.perform(post("/login").session(session).with(csrf()).param("username", buyer)
                .param("password", PASSWORD)).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).startsWith("http://localhost/buyer/buy/" + product.id());
        mvc.perform(get("/buyer/buy/{id}", product.id()).with(user(as(Role.BUYER, 1))))
                .andExpect(redirectedUrl("/products/" + product.id()));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String buyer = login(Role.BUYER, buyer("0"));
        var signedIn = mvc.perform(formLogin("/login").user(buyer).password(PASSWORD)).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) signedIn.getRequest().getSession();
        mvc.perform(get("/buyer/services").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/buyer/services").session(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aWrongPasswordOrUnknownLoginIsRefused() throws Exception {
        String buyer = login(Role.BUYER, buyer("0"));
        mvc.perform(formLogin("/login").user(buyer).password("wrong password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody-" + unique("")).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void eachAreaIsForItsRole() throws Exception {
        mvc.perform(get("/buyer/services")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/seller")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/operator")).andExpect(redirectedUrlPattern("**/login"));
        long buyer = buyer("0");
        mvc.perform(get("/buyer/services").with(user(as(Role.BUYER, buyer)))).andExpect(status().isOk());
        mvc.perform(get("/seller").with(user(as(Role.BUYER, buyer)))).andExpect(status().isForbidden());
        mvc.perform(get("/operator").with(user(as(Role.BUYER, buyer)))).andExpect(status().isForbidden());
        long seller = seller();
        mvc.perform(get("/seller").with(user(as(Role.SELLER, seller)))).andExpect(status().isOk());
        mvc.perform(get("/buyer/orders").with(user(as(Role.SELLER, seller)))).andExpect(status().isForbidden());
        mvc.perform(get("/operator").with(user(as(Role.OPERATOR, 1)))).andExpect(status().isOk());
    }

    @Test
    void theStorefrontIsPublic() throws Exception {
        product(seller(), periodSku(unique("sku"), "10.00", "100.00"));
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"));
        mvc.perform(get("/search").param("q", "crm")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void everyFormRejectsAMissingCsrfToken() throws Exception {
        long buyer = buyer("500");
        String sku = unique("sku");
        var product = product(seller(), periodSku(sku, "10.00", "100.00"));
        Instance instance = running(buyer, sku, 1);
        Order pending = orders.placeNew(buyer, sku, "month", 1, false);
        var me = user(as(Role.BUYER, buyer));
        List<MockHttpServletRequestBuilder> forms = List.of(
                post("/buyer/orders").param("productId", Long.toString(product.id())).param("skuCode", sku)
                        .param("purchase", "month").param("periodNumber", "1")
                        .param("agreeUserAgreement", "true").param("agreeServiceAgreement", "true"),
                post("/buyer/orders/{id}/pay", pending.orderId()),
                post("/buyer/orders/{id}/cancel", pending.orderId()),
                post("/buyer/services/{k}/renew", instance.key()).param("periodType", "month").param("periodNumber", "1"),
                post("/buyer/services/{k}/upgrade", instance.key()).param("skuCode", sku),
                post("/buyer/services/{k}/unsubscribe", instance.key()).param("confirm", "true"),
                post("/logout"));
        for (MockHttpServletRequestBuilder form : forms) {
            mvc.perform(form.with(me)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/login").param("username", login(Role.BUYER, buyer("0"))).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(orders.ordersOf(buyer)).hasSize(2);
        assertThat(orders.ownOrder(buyer, pending.orderId()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        // with the token the same form goes through
        mvc.perform(post("/buyer/orders/{id}/cancel", pending.orderId()).with(me).with(csrf()))
                .andExpect(redirectedUrl("/buyer/orders/" + pending.orderId()));
        assertThat(orders.ownOrder(buyer, pending.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aBuyerNeverSeesAnotherBuyersInstanceOrOrder() throws Exception {
        long alice = buyer("500");
        long mallory = buyer("500");
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        Instance theirs = running(alice, sku, 1);
        var asMallory = user(as(Role.BUYER, mallory));
        mvc.perform(get("/buyer/services/{k}", theirs.key()).with(asMallory))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.not(Matchers.containsString("s3cret!"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(theirs.instanceId()))));
        mvc.perform(get("/buyer/orders/{id}", theirs.orderId()).with(asMallory)).andExpect(status().isNotFound());
        mvc.perform(get("/buyer/services").with(asMallory))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-key=\"" + theirs.key() + "\""))));
        mvc.perform(get("/buyer/orders").with(asMallory))
                .andExpect(content().string(Matchers.not(Matchers.containsString(theirs.orderId()))));
        for (String action : List.of("renew", "upgrade", "unsubscribe")) {
            mvc.perform(post("/buyer/services/{k}/" + action, theirs.key()).param("confirm", "true")
                    .param("periodType", "month").param("periodNumber", "1").with(asMallory).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/buyer/orders/{id}/cancel", theirs.orderId()).with(asMallory).with(csrf()))
                .andExpect(redirectedUrl("/buyer/orders/" + theirs.orderId()));
        mvc.perform(get("/buyer/services/{k}", theirs.key()).with(user(as(Role.BUYER, alice))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("s3cret!")));
        assertThat(instances.byKey(theirs.key()).orElseThrow().status()).isEqualTo(theirs.status());
    }

    @Test
    void theJsonApiStillTakesBearerTokensWithoutCsrf() {
        long buyer = buyer("100");
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        var placed = http(HttpMethod.POST, "/api/v1/orders", buyerToken(buyer),
                java.util.Map.of("skuCode", sku, "periodType", "month", "periodNumber", 1));
        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        // the machine APIs answer as before Spring Security: no headers added (pages get them)
        assertThat(placed.getHeaders().containsKey("X-Frame-Options")).isFalse();
        assertThat(placed.getHeaders().containsKey("Set-Cookie")).isFalse();
        var none = http(HttpMethod.GET, "/api/v1/orders", null, null);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getBody().get("error").asText()).isEqualTo("unauthorized");
    }
}
