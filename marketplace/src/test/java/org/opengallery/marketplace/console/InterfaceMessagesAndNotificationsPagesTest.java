package org.opengallery.marketplace.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.OrderNotificationSettings;
import org.springframework.beans.factory.annotation.Autowired;

/** 生产接口消息 (list, detail, 重新启动) and 订单通知 (addresses and links), each only the seller's own. */
class InterfaceMessagesAndNotificationsPagesTest extends ConsolePagesTestBase {

    @Autowired OrderNotificationSettings settings;

    private String page(long sellerId, String url) throws Exception {
        return mvc.perform(get(url).with(user(as(Role.SELLER, sellerId)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theMessagesListFailingCallsWithTheirErrorAndTheDetailShowsRequestAndAnswer() throws Exception {
        long seller = seller();
        long failed = call(seller, "CS" + unique("").toUpperCase(), "FAILED", "HTTP 502 from the production address");
        long succeeded = call(seller, "CS" + unique("").toUpperCase(), "SUCCEEDED", null);
        String list = page(seller, "/seller/interface-messages");
        assertThat(list).contains("data-call=\"" + failed + "\"", "HTTP 502 from the production address", "重新启动");
        assertThat(list).doesNotContain("data-call=\"" + succeeded + "\"");
        String detail = page(seller, "/seller/interface-messages/" + failed);
        assertThat(detail).contains("HTTP 502 from the production address", "&quot;activity&quot;:&quot;newInstance&quot;",
                "&quot;resultCode&quot;:&quot;000001&quot;");
    }

    @Test
    void restartFromThePageSendsTheCallAgain() throws Exception {
        long seller = seller();
        long gaveUp = call(seller, "CS" + unique("").toUpperCase(), "GAVE_UP", "no answer within 3 hours");
        mvc.perform(post("/seller/interface-messages/{id}/restart", gaveUp).with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(redirectedUrl("/seller/interface-messages/" + gaveUp))
                .andExpect(flash().attributeExists("notice"));
        assertThat(jdbc.sql("SELECT restarted FROM delivery_call WHERE id = :id").param("id", gaveUp)
                .query(Boolean.class).single()).isTrue();
        // re-queued: the engine sends it once more (and, failing again, it is given up again with one more attempt)
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT attempts FROM delivery_call WHERE id = :id")
                .param("id", gaveUp).query(Integer.class).single() == 4);
    }

    @Test
    void aCallThatIsNotFailingCannotBeRestarted() throws Exception {
        long seller = seller();
        long done = call(seller, "CS" + unique("").toUpperCase(), "SUCCEEDED", null);
        mvc.perform(post("/seller/interface-messages/{id}/restart", done).with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(redirectedUrl("/seller/interface-messages/" + done))
                .andExpect(flash().attributeExists("error"));
    }

    @Test
    void aSellerNeverSeesOrRestartsAnotherSellersCalls() throws Exception {
        long mine = seller(), theirs = seller();
        long theirCall = call(theirs, "CS" + unique("").toUpperCase(), "FAILED", "their failure");
        assertThat(page(mine, "/seller/interface-messages")).doesNotContain("their failure");
        mvc.perform(get("/seller/interface-messages/{id}", theirCall).with(user(as(Role.SELLER, mine))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/interface-messages/{id}/restart", theirCall).with(user(as(Role.SELLER, mine))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT restarted FROM delivery_call WHERE id = :id").param("id", theirCall)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() throws Exception {
        long seller = seller();
        long failed = call(seller, "CS" + unique("").toUpperCase(), "FAILED", "x");
        mvc.perform(post("/seller/interface-messages/{id}/restart", failed).with(user(as(Role.SELLER, seller))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/seller/order-notifications/addresses").param("url", "https://isv.example.com/n")
                .param("key", "0123456789abcdef0123").with(user(as(Role.SELLER, seller)))).andExpect(status().isForbidden());
        assertThat(settings.addresses(seller)).isEmpty();
    }

    @Test
    void notificationAddressesAreAddedLinkedByAccessTypeAndProductAndRemoved() throws Exception {
        long seller = seller();
        Product product = product(seller, periodSku(unique("sku"), "10.00", "100.00"));
        var me = user(as(Role.SELLER, seller));
        mvc.perform(post("/seller/order-notifications/addresses").with(me).with(csrf())
                        .param("url", "https://isv.example.com:8443/notify").param("key", "0123456789abcdef0123")
                        .param("version", "V2"))
                .andExpect(redirectedUrl("/seller/order-notifications")).andExpect(flash().attributeExists("notice"));
        long address = settings.addresses(seller).get(0).id();
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", address).with(me).with(csrf())
                .param("scope", "ACCESS_TYPE").param("accessType", "SAAS")).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", address).with(me).with(csrf())
                .param("scope", "PRODUCT").param("productId", Long.toString(product.id())))
                .andExpect(flash().attributeExists("notice"));
        assertThat(settings.addresses(seller)).singleElement().satisfies(a -> {
            assertThat(a.url()).isEqualTo("https://isv.example.com:8443/notify");
            assertThat(a.accessTypes()).containsExactly("SAAS");
            assertThat(a.productIds()).containsExactly(Long.toString(product.id()));
        });
        String page = page(seller, "/seller/order-notifications");
        assertThat(page).contains("https://isv.example.com:8443/notify", product.name(), "id=\"product-wins\"");

        // linked twice: refused with the reason; images are never notified; a bad address is refused
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", address).with(me).with(csrf())
                .param("scope", "ACCESS_TYPE").param("accessType", "SAAS")).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", address).with(me).with(csrf())
                .param("scope", "ACCESS_TYPE").param("accessType", "IMAGE")).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/seller/order-notifications/addresses").with(me).with(csrf())
                .param("url", "ftp://isv.example.com").param("key", "0123456789abcdef0123"))
                .andExpect(flash().attributeExists("error"));
        assertThat(settings.addresses(seller)).hasSize(1);

        mvc.perform(post("/seller/order-notifications/unlink").with(me).with(csrf())
                .param("scope", "ACCESS_TYPE").param("value", "SAAS")).andExpect(flash().attributeExists("notice"));
        assertThat(settings.addresses(seller).get(0).accessTypes()).isEmpty();
        mvc.perform(post("/seller/order-notifications/addresses/{id}/delete", address).with(me).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(settings.addresses(seller)).isEmpty();
    }

    @Test
    void aSellerNeverSeesOrChangesAnotherSellersNotificationAddresses() throws Exception {
        long mine = seller(), theirs = seller();
        long theirAddress = settings.addAddress(theirs, "https://their.example.com/notify", null, "0123456789abcdef0123");
        Product theirProduct = product(theirs, periodSku(unique("sku"), "10.00", "100.00"));
        long myAddress = settings.addAddress(mine, "https://mine.example.com/notify", null, "0123456789abcdef0123");
        var me = user(as(Role.SELLER, mine));
        assertThat(page(mine, "/seller/order-notifications")).contains("https://mine.example.com/notify")
                .doesNotContain("https://their.example.com/notify");
        mvc.perform(post("/seller/order-notifications/addresses/{id}/delete", theirAddress).with(me).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", theirAddress).with(me).with(csrf())
                .param("scope", "ACCESS_TYPE").param("accessType", "API")).andExpect(status().isNotFound());
        // another seller's product cannot be linked to my address
        mvc.perform(post("/seller/order-notifications/addresses/{id}/links", myAddress).with(me).with(csrf())
                .param("scope", "PRODUCT").param("productId", Long.toString(theirProduct.id())))
                .andExpect(flash().attributeExists("error"));
        assertThat(settings.addresses(theirs)).singleElement().satisfies(a -> assertThat(a.accessTypes()).isEmpty());
        assertThat(settings.addresses(mine).get(0).productIds()).isEmpty();
    }
}
