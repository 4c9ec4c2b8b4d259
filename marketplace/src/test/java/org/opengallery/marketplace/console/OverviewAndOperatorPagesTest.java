package org.opengallery.marketplace.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.order.SalesFigures;
import org.springframework.beans.factory.annotation.Autowired;

/** 总览 for sellers and operators, the operator's lists, and the balance adjustment form. */
class OverviewAndOperatorPagesTest extends ConsolePagesTestBase {

    private static final long OPERATOR = 1;
    @Autowired Notices notices;

    private String page(Role role, long id, String url) throws Exception {
        return mvc.perform(get(url).with(user(as(role, id)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theOverviewCountsOnlyTheLast12MonthsPaidOrdersNetOfRefunds() throws Exception {
        long seller = seller();
        String sku = unique("sku");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("1000");
        paid(buyer, sku); // will be 13 months old
        clock.advance(Duration.ofDays(400));
        Order recent = paid(buyer, sku);
        provision(recent);
        Order second = orders.pay(buyer, orders.placeNew(buyer, sku, "year", 1, false).orderId());
        orders.placeNew(buyer, sku, "month", 1, false); // unpaid: not counted
        var instance = provision(second);
        orders.unsubscribe(buyer, instance.instanceId()); // within 5 days: refunded in full, its amount nets to 0

        SalesFigures figures = orders.sales(seller, ZoneId.of("Asia/Shanghai"));
        assertThat(figures.months()).hasSize(12);
        assertThat(figures.months().get(11).month()).isEqualTo(YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(figures.paidOrders()).isEqualTo(2);
        assertThat(figures.amount()).isEqualByComparingTo("10.00");
        String overview = page(Role.SELLER, seller, "/seller");
        assertThat(overview).contains("id=\"paid-orders\">2<", "id=\"sales-amount\">¥10.00<", "/seller/keys",
                "/seller/onboarding", "/seller/certification");
    }

    @Test
    void theOverviewShowsKeysAndToDos() throws Exception {
        long seller = seller();
        sellers.issueV1Key(seller);
        call(seller, "CS" + unique("").toUpperCase(), "FAILED", "x");
        notices.post(Recipient.seller(seller), null, "TEST", "hello", "body", null);
        String overview = page(Role.SELLER, seller, "/seller?lang=en");
        assertThat(overview).contains("V1 Key issued", "1 V2 access key(s)", "1 failed production-interface call(s)",
                "1 unread message(s)");
    }

    @Test
    void buyersAndSellersCannotOpenTheOperatorConsole() throws Exception {
        for (String url : new String[] {"/operator", "/operator/sellers", "/operator/buyers", "/operator/orders",
                "/operator/calls", "/operator/buyers/1", "/operator/calls/1"}) {
            mvc.perform(get(url).with(user(as(Role.SELLER, seller())))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(user(as(Role.BUYER, 1)))).andExpect(status().isForbidden());
        }
        long buyer = buyer("10");
        mvc.perform(post("/operator/buyers/{id}/balance", buyer).with(user(as(Role.SELLER, 1))).with(csrf())
                .param("amount", "100").param("reason", "x")).andExpect(status().isForbidden());
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("10");
    }

    @Test
    void theOperatorSearchesSellersBuyersOrdersAndCalls() throws Exception {
        long seller = seller();
        String sellerLogin = sellers.seller(seller).orElseThrow().login();
        String sku = unique("sku");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("100");
        String buyerLogin = buyers.buyer(buyer).orElseThrow().login();
        Order order = paid(buyer, sku);
        long call = call(seller, order.orderId(), "GAVE_UP", "gave up after 3 hours");
        long otherSeller = seller();

        assertThat(page(Role.OPERATOR, OPERATOR, "/operator")).contains("/operator/calls?status=GAVE_UP");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/sellers?q=" + sellerLogin))
                .contains("data-seller=\"" + seller + "\"").doesNotContain("data-seller=\"" + otherSeller + "\"");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/buyers?q=" + buyerLogin)).contains("data-buyer=\"" + buyer + "\"");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/orders?seller=" + sellerLogin))
                .contains("data-order=\"" + order.orderId());
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/orders?customer=" + buyerLogin + "&seller=nobody-" + unique("")))
                .doesNotContain("data-order=\"" + order.orderId());
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/orders/" + order.orderId()))
                .contains("data-call=\"" + call + "\"", "gave up after 3 hours");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/calls?status=GAVE_UP&seller=" + sellerLogin))
                .contains("data-call=\"" + call + "\"", "gave up after 3 hours");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/calls?orderId=" + order.orderId() + "&status=SUCCEEDED"))
                .doesNotContain("data-call=\"" + call + "\"");
        assertThat(page(Role.OPERATOR, OPERATOR, "/operator/calls/" + call)).contains("&quot;orderId&quot;");
    }

    @Test
    void anAdjustmentIsAuditedNeedsAReasonAndNeverMakesTheBalanceNegative() throws Exception {
        long buyer = buyer("50");
        var operator = user(as(Role.OPERATOR, 7));
        mvc.perform(post("/operator/buyers/{id}/balance", buyer).with(operator).with(csrf())
                .param("amount", "-20.50").param("reason", "compensation reversed")).andExpect(flash().attributeExists("notice"));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("29.50");
        assertThat(buyers.adjustments(buyer)).singleElement().satisfies(a -> {
            assertThat(a.operatorId()).isEqualTo(7);
            assertThat(a.balanceBefore()).isEqualByComparingTo("50");
            assertThat(a.balanceAfter()).isEqualByComparingTo("29.50");
            assertThat(a.reason()).isEqualTo("compensation reversed");
        });
        assertThat(buyers.ledger(buyer, 10).get(0).kind()).isEqualTo("ADJUST");
        assertThat(notices.of(Recipient.buyer(buyer), 10)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("BALANCE_ADJUSTED"));

        mvc.perform(post("/operator/buyers/{id}/balance", buyer).with(operator).with(csrf())
                .param("amount", "-29.51").param("reason", "too much")).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/operator/buyers/{id}/balance", buyer).with(operator).with(csrf())
                .param("amount", "10").param("reason", "  ")).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/operator/buyers/{id}/balance", buyer).with(operator)
                .param("amount", "10").param("reason", "no token")).andExpect(status().isForbidden());
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("29.50");
        assertThat(buyers.adjustments(buyer)).hasSize(1);
        assertThat(page(Role.OPERATOR, 7, "/operator/buyers/" + buyer)).contains("compensation reversed", "¥29.50");
        mvc.perform(get("/operator/buyers/{id}", 999_999_999L).with(operator)).andExpect(status().isNotFound());
    }

    @Test
    void theBalanceAdjustmentServiceRefusesWhatWouldGoNegativeWithoutARowChanging() {
        long buyer = buyer("5");
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.opengallery.marketplace.web.ApiException.class,
                () -> buyers.adjustBalance(buyer, new BigDecimal("-5.01"), "reason", OPERATOR));
        assertThat(refused.error()).isEqualTo("balance_would_be_negative");
        assertThat(buyers.adjustBalance(buyer, new BigDecimal("-5.00"), "to zero", OPERATOR).balanceAfter())
                .isEqualByComparingTo("0");
        assertThat(buyers.adjustments(buyer)).hasSize(1);
    }
}
