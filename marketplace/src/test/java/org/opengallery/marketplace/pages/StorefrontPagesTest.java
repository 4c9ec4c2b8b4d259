package org.opengallery.marketplace.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.NewProduct;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.order.OrderStatus;
import org.opengallery.protocol.message.order.OrderType;

/** The storefront and the buyer center as a buyer uses them, in both languages. */
class StorefrontPagesTest extends PagesTestBase {

    private Product named(String name, String description, String sku) {
        Product p = catalog.createProduct(new NewProduct(seller(), name, description, AccessType.SAAS, false,
                PRODUCTION_URL, InterfaceVersion.V2, null));
        catalog.addSku(p.id(), periodSku(sku, "10.00", "100.00"));
        catalog.list(p.id());
        return p;
    }

    @Test
    void searchFindsListedProductsByNameOrDescriptionIgnoringCase() throws Exception {
        String word = unique("Zebra");
        Product byName = named(word + " Desk", "helpdesk", unique("sku"));
        Product byDescription = named(unique("Other "), "made for " + word.toLowerCase() + " teams", unique("sku"));
        Product delisted = named(word + " Old", "gone", unique("sku"));
        catalog.delist(delisted.id());

        assertThat(catalog.search(word.toUpperCase())).extracting(l -> l.product().id())
                .containsExactly(byName.id(), byDescription.id());
        assertThat(catalog.search(word + " desk")).extracting(l -> l.product().id()).containsExactly(byName.id());
        assertThat(catalog.search("100%_" + word)).isEmpty();

        mvc.perform(get("/search").param("q", word.toLowerCase()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/products/" + byName.id())))
                .andExpect(content().string(Matchers.containsString("/products/" + byDescription.id())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/products/" + delisted.id() + "\""))))
                .andExpect(content().string(Matchers.containsString("2 product(s)")));
    }

    @Test
    void categoriesNarrowTheSearch() throws Exception {
        String word = unique("Quokka");
        Product saas = named(word + " Suite", "suite", unique("sku"));
        Product api = catalog.createProduct(new NewProduct(seller(), word + " API", "an API", AccessType.API, false,
                PRODUCTION_URL, InterfaceVersion.V2, null));
        catalog.addSku(api.id(), periodSku(unique("sku"), "1.00", "10.00"));
        catalog.list(api.id());
        assertThat(catalog.categories()).contains(AccessType.SAAS, AccessType.API);
        assertThat(catalog.search(word, AccessType.API)).extracting(l -> l.product().id()).containsExactly(api.id());
        assertThat(catalog.search(word, null)).extracting(l -> l.product().id()).containsExactly(saas.id(), api.id());
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("/search?category=API")));
        mvc.perform(get("/search").param("category", "API").param("q", word))
                .andExpect(content().string(Matchers.containsString("/products/" + api.id() + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/products/" + saas.id() + "\""))));
    }

    @Test
    void pagesAreChineseByDefaultAndEnglishOnRequestKeptInACookie() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("云商店")))
                .andExpect(content().string(Matchers.containsString("lang=\"zh-CN\"")));
        var english = mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Software for your business")))
                .andExpect(cookie().value(PagesConfiguration.LANG_COOKIE, "en"))
                .andReturn();
        Cookie kept = english.getResponse().getCookie(PagesConfiguration.LANG_COOKIE);
        mvc.perform(get("/login").cookie(kept)).andExpect(content().string(Matchers.containsString("Sign in")));
        mvc.perform(get("/login").cookie(kept).param("lang", "zh-CN"))
                .andExpect(content().string(Matchers.containsString("登录")));
    }

    @Test
    void theProductPageShowsSpecsPricesSellerAndTheBuyForm() throws Exception {
        String sku = unique("sku");
        Product p = named(unique("Ledger "), "double-entry bookkeeping", sku);
        mvc.perform(get("/products/{id}", p.id()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("double-entry bookkeeping")))
                .andExpect(content().string(Matchers.containsString("¥10.00")))
                .andExpect(content().string(Matchers.containsString("¥100.00")))
                .andExpect(content().string(Matchers.containsString(sellers.seller(p.sellerId()).orElseThrow().name())))
                .andExpect(content().string(Matchers.containsString("Sign in to buy")));
        long buyer = buyer("50");
        mvc.perform(get("/products/{id}", p.id()).with(user(as(Role.BUYER, buyer))))
                .andExpect(content().string(Matchers.containsString("id=\"buy-form\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        catalog.delist(p.id());
        mvc.perform(get("/products/{id}", p.id())).andExpect(status().isNotFound());
        mvc.perform(get("/products/{id}", 987654321)).andExpect(status().isNotFound());
    }

    @Test
    void buyingNeedsBothAgreementsThenPaysFromTheBalance() throws Exception {
        long buyer = buyer("50");
        String sku = unique("sku");
        Product p = named(unique("Board "), "kanban", sku);
        var me = user(as(Role.BUYER, buyer));
        mvc.perform(post("/buyer/orders").with(me).with(csrf()).param("productId", Long.toString(p.id()))
                        .param("skuCode", sku).param("purchase", "month").param("periodNumber", "2")
                        .param("agreeUserAgreement", "true"))
                .andExpect(redirectedUrl("/products/" + p.id()))
                .andExpect(flash().attributeExists("error"));
        assertThat(orders.ordersOf(buyer)).isEmpty();
        mvc.perform(post("/buyer/orders").with(me).with(csrf()).param("productId", Long.toString(p.id()))
                        .param("skuCode", sku).param("purchase", "month").param("periodNumber", "13")
                        .param("agreeUserAgreement", "true").param("agreeServiceAgreement", "true"))
                .andExpect(redirectedUrl("/products/" + p.id()))
                .andExpect(flash().attributeExists("error"));

        var placed = mvc.perform(post("/buyer/orders").with(me).with(csrf()).param("productId", Long.toString(p.id()))
                        .param("skuCode", sku).param("purchase", "month").param("periodNumber", "2")
                        .param("agreeUserAgreement", "true").param("agreeServiceAgreement", "true"))
                .andExpect(redirectedUrlPattern("/buyer/orders/*")).andReturn();
        Order order = orders.ordersOf(buyer).get(0);
        assertThat(placed.getResponse().getRedirectedUrl()).isEqualTo("/buyer/orders/" + order.orderId());
        assertThat(order.amount()).isEqualByComparingTo("20.00");
        mvc.perform(get("/buyer/orders/{id}", order.orderId()).with(me).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Pending payment")))
                .andExpect(content().string(Matchers.containsString("id=\"pay-form\"")));
        mvc.perform(post("/buyer/orders/{id}/pay", order.orderId()).with(me).with(csrf()))
                .andExpect(redirectedUrl("/buyer/orders/" + order.orderId()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(orders.ownOrder(buyer, order.orderId()).status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("30.00");

        // a second order the balance does not cover: refused with the reason, nothing charged
        Order dear = orders.placeNew(buyer, sku, "year", 1, false);
        mvc.perform(post("/buyer/orders/{id}/pay", dear.orderId()).with(me).with(csrf()).param("lang", "en"))
                .andExpect(redirectedUrl("/buyer/orders/" + dear.orderId()))
                .andExpect(flash().attribute("error", Matchers.containsString("balance")));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo(new BigDecimal("30.00"));
    }

    @Test
    void aTrialCostsNothingAndTurnsIntoAPaidServiceFromItsPage() throws Exception {
        long buyer = buyer("50");
        String sku = unique("sku");
        Product p = named(unique("Trial "), "try it", sku);
        var me = user(as(Role.BUYER, buyer));
        mvc.perform(post("/buyer/orders").with(me).with(csrf()).param("productId", Long.toString(p.id()))
                        .param("skuCode", sku).param("purchase", "trial")
                        .param("agreeUserAgreement", "true").param("agreeServiceAgreement", "true"))
                .andExpect(redirectedUrlPattern("/buyer/orders/*"));
        Order trial = orders.ordersOf(buyer).get(0);
        assertThat(trial.orderType()).isEqualTo(OrderType.Known.TRIAL);
        assertThat(trial.amount()).isEqualByComparingTo("0");
        var instance = provision(orders.pay(buyer, trial.orderId()));
        mvc.perform(get("/buyer/services/{k}", instance.key()).with(me).param("lang", "zh-CN"))
                .andExpect(content().string(Matchers.containsString("转商用")));
        mvc.perform(post("/buyer/services/{k}/renew", instance.key()).with(me).with(csrf())
                .param("periodType", "month").param("periodNumber", "1"))
                .andExpect(redirectedUrlPattern("/buyer/orders/*"));
        assertThat(orders.ordersOf(buyer, OrderType.Known.TRIAL_TO_FORMAL, null, null)).hasSize(1);
    }

    @Test
    void myOrdersFilterByTypeChargingModeAndState() throws Exception {
        long buyer = buyer("500");
        String sku = unique("sku");
        named(unique("Mail "), "mail", sku);
        var instance = running(buyer, sku, 1);
        Order renewal = orders.renew(buyer, instance.instanceId(), "month", 1);
        Order trial = orders.placeNew(buyer, sku, null, null, true);
        orders.cancel(buyer, trial.orderId());

        assertThat(orders.ordersOf(buyer, OrderType.Known.RENEW, null, null)).extracting(Order::orderId)
                .containsExactly(renewal.orderId());
        assertThat(orders.ordersOf(buyer, null, null, OrderStatus.CANCELLED)).extracting(Order::orderId)
                .containsExactly(trial.orderId());
        assertThat(orders.ordersOf(buyer, null, org.opengallery.protocol.message.order.ChargingMode.Known.ON_DEMAND, null))
                .isEmpty();
        assertThat(orders.ordersOf(buyer, null, null, null)).hasSize(3);

        var me = user(as(Role.BUYER, buyer));
        mvc.perform(get("/buyer/orders").with(me).param("type", "RENEW"))
                .andExpect(content().string(Matchers.containsString(renewal.orderId())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(trial.orderId()))));
        mvc.perform(get("/buyer/orders").with(me).param("status", "CANCELLED").param("mode", "PERIOD"))
                .andExpect(content().string(Matchers.containsString(trial.orderId())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(renewal.orderId()))));
        mvc.perform(get("/buyer/orders").with(me).param("type", "bogus")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(renewal.orderId())));
    }

    @Test
    void theServicePageHidesThePasswordAndOffersRenewUpgradeUnsubscribe() throws Exception {
        long buyer = buyer("500");
        String basic = unique("sku");
        String pro = unique("sku");
        Product p = product(seller(), periodSku(basic, "10.00", "100.00"), periodSku(pro, "30.00", "300.00"));
        var instance = running(buyer, basic, 1);
        var me = user(as(Role.BUYER, buyer));
        mvc.perform(get("/buyer/services/{k}", instance.key()).with(me).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"app-password\" hidden")))
                .andExpect(content().string(Matchers.containsString("id=\"renew-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"upgrade-form\"")))
                .andExpect(content().string(Matchers.containsString("value=\"" + pro + "\"")))
                .andExpect(content().string(Matchers.containsString("id=\"unsubscribe-form\"")));

        var renew = mvc.perform(post("/buyer/services/{k}/renew", instance.key()).with(me).with(csrf())
                .param("periodType", "month").param("periodNumber", "3")).andReturn();
        assertThat(renew.getResponse().getRedirectedUrl()).startsWith("/buyer/orders/");
        var upgrade = mvc.perform(post("/buyer/services/{k}/upgrade", instance.key()).with(me).with(csrf())
                .param("skuCode", pro)).andReturn();
        assertThat(upgrade.getResponse().getRedirectedUrl()).startsWith("/buyer/orders/");
        mvc.perform(post("/buyer/services/{k}/unsubscribe", instance.key()).with(me).with(csrf()))
                .andExpect(redirectedUrl("/buyer/services/" + instance.key()))
                .andExpect(flash().attributeExists("error"));
        var unsubscribe = mvc.perform(post("/buyer/services/{k}/unsubscribe", instance.key()).with(me).with(csrf())
                .param("confirm", "true")).andReturn();
        assertThat(unsubscribe.getResponse().getRedirectedUrl()).startsWith("/buyer/orders/");
        assertThat(orders.ordersOf(buyer)).extracting(o -> o.orderType())
                .contains(OrderType.Known.RENEW, OrderType.Known.CHANGE, OrderType.Known.UNSUBSCRIBE);
        assertThat(p.id()).isPositive();
    }

    @Test
    void placingAnOrderRecordsBothAgreementsUnderMyAgreements() throws Exception {
        long buyer = buyer("50");
        String sku = unique("sku");
        Product p = named(unique("Ledger "), "books", sku);
        var me = user(as(Role.BUYER, buyer));
        mvc.perform(post("/buyer/orders").with(me).with(csrf()).param("productId", Long.toString(p.id()))
                .param("skuCode", sku).param("purchase", "month").param("periodNumber", "1")
                .param("agreeUserAgreement", "true").param("agreeServiceAgreement", "true"));
        Order order = orders.ordersOf(buyer).get(0);

        mvc.perform(get("/buyer/agreements").with(me).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("OpenGallery user agreement")))
                .andExpect(content().string(Matchers.containsString("Product service agreement")))
                .andExpect(content().string(Matchers.containsString(order.orderId())))
                .andExpect(content().string(Matchers.containsString(p.name())));
        mvc.perform(get("/buyer/agreements").with(user(as(Role.BUYER, buyer("0")))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(order.orderId()))));
    }

    @Test
    void theExpiryPolicyIsChosenOnTheServicePage() throws Exception {
        long buyer = buyer("500");
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        var instance = running(buyer, sku, 1);
        var me = user(as(Role.BUYER, buyer));
        mvc.perform(get("/buyer/services/{k}", instance.key()).with(me).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("id=\"policy-form\"")));

        mvc.perform(post("/buyer/services/{k}/expiry-policy", instance.key()).with(me).with(csrf())
                        .param("policy", "auto-renew"))
                .andExpect(redirectedUrl("/buyer/services/" + instance.key()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(instances.byKey(instance.key()).orElseThrow().autoRenew()).isTrue();

        mvc.perform(post("/buyer/services/{k}/expiry-policy", instance.key()).with(me).with(csrf())
                        .param("policy", "sometimes"))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/buyer/services/{k}/expiry-policy", instance.key())
                        .with(user(as(Role.BUYER, buyer("0")))).with(csrf()).param("policy", "expire"))
                .andExpect(status().isNotFound());
        assertThat(instances.byKey(instance.key()).orElseThrow().autoRenew()).as("another buyer changed nothing").isTrue();
    }
}
