package org.opengallery.marketplace.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.order.Order;

/** 卖家中心 > 订单管理: the filters, the CSV export and the order detail, each only ever with the seller's own orders. */
class SellerOrdersPagesTest extends ConsolePagesTestBase {

    private String page(long sellerId, String url) throws Exception {
        return mvc.perform(get(url).with(user(as(Role.SELLER, sellerId)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(long sellerId, String url) throws Exception {
        var response = mvc.perform(get(url).with(user(as(Role.SELLER, sellerId)))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("orders.csv");
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theFiltersNarrowTheListToMatchingOrders() throws Exception {
        long seller = seller();
        String skuA = unique("sku"), skuB = unique("sku");
        Product a = product(seller, periodSku(skuA, "10.00", "100.00"));
        Product b = product(seller, periodSku(skuB, "20.00", "200.00"));
        long alice = buyers.register(unique("alice"), "Alice " + unique(""), null, null).id();
        buyers.topUp(alice, new java.math.BigDecimal("100"), unique("t"));
        long bob = buyer("100");
        Order paidA = paid(alice, skuA);
        Order pendingB = orders.placeNew(bob, skuB, "month", 1, false);
        Order cancelledA = orders.cancel(bob, orders.placeNew(bob, skuA, "month", 1, false).orderId());

        assertThat(page(seller, "/seller/orders")).contains(paidA.orderId(), pendingB.orderId(), cancelledA.orderId());
        assertThat(page(seller, "/seller/orders?status=PENDING_PAYMENT"))
                .contains(pendingB.orderId()).doesNotContain(paidA.orderId(), cancelledA.orderId());
        assertThat(page(seller, "/seller/orders?product=" + a.id()))
                .contains(paidA.orderId(), cancelledA.orderId()).doesNotContain(pendingB.orderId());
        assertThat(page(seller, "/seller/orders?product=" + b.id() + "&status=PROCESSING"))
                .doesNotContain(paidA.orderId(), pendingB.orderId(), cancelledA.orderId());
        String login = buyers.buyer(alice).orElseThrow().login();
        assertThat(page(seller, "/seller/orders?customer=" + login))
                .contains(paidA.orderId()).doesNotContain(pendingB.orderId(), cancelledA.orderId());
        assertThat(page(seller, "/seller/orders?orderId=" + paidA.orderId().substring(4).toLowerCase()))
                .contains(paidA.orderId()).doesNotContain(pendingB.orderId());
        assertThat(page(seller, "/seller/orders?type=RENEW")).doesNotContain(paidA.orderId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        assertThat(page(seller, "/seller/orders?from=" + today + "&to=" + today)).contains(paidA.orderId());
        assertThat(page(seller, "/seller/orders?to=" + today.minusDays(1))).doesNotContain(paidA.orderId());
    }

    @Test
    void theCsvHoldsTheFilteredOrdersWithBomQuotingAndNoFormulas() throws Exception {
        long seller = seller();
        String sku = unique("sku");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long evil = buyers.register(unique("evil"), "=HYPERLINK(\"http://x\",\"a,b\")", null, null).id();
        buyers.topUp(evil, new java.math.BigDecimal("50"), unique("t"));
        Order paid = paid(evil, sku);
        Order pending = orders.placeNew(buyer("0"), sku, "month", 1, false);

        String all = csv(seller, "/seller/orders.csv");
        assertThat(all).startsWith("\uFEFF订单号,");
        assertThat(all).contains(paid.orderId(), pending.orderId());
        // quoted (comma, quotes doubled) and prefixed with ' so no spreadsheet runs it
        assertThat(all).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"");
        assertThat(all).doesNotContain(",=HYPERLINK");
        assertThat(all.split("\r\n")).hasSize(3);

        String filtered = csv(seller, "/seller/orders.csv?status=PENDING_PAYMENT");
        assertThat(filtered).contains(pending.orderId()).doesNotContain(paid.orderId());
        String english = csv(seller, "/seller/orders.csv?status=PROCESSING&lang=en");
        assertThat(english).startsWith("\uFEFFOrder ID,").contains(paid.orderId() + ",").contains(",10.00,");
    }

    @Test
    void aSellerNeverSeesAnotherSellersOrders() throws Exception {
        long mine = seller(), theirs = seller();
        String mySku = unique("sku"), theirSku = unique("sku");
        product(mine, periodSku(mySku, "10.00", "100.00"));
        product(theirs, periodSku(theirSku, "10.00", "100.00"));
        long buyer = buyer("100");
        Order myOrder = paid(buyer, mySku);
        Order theirOrder = paid(buyer, theirSku);

        assertThat(page(mine, "/seller/orders")).contains(myOrder.orderId()).doesNotContain(theirOrder.orderId());
        assertThat(page(mine, "/seller/orders?orderId=" + theirOrder.orderId()))
                .doesNotContain("data-order=\"" + theirOrder.orderId());
        assertThat(csv(mine, "/seller/orders.csv")).contains(myOrder.orderId()).doesNotContain(theirOrder.orderId());
        mvc.perform(get("/seller/orders/{id}", theirOrder.orderId()).with(user(as(Role.SELLER, mine))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/seller/orders/{id}", "CS0000000000NOPE").with(user(as(Role.SELLER, mine))))
                .andExpect(status().isNotFound());
        assertThat(page(mine, "/seller/orders/" + myOrder.orderId())).contains(myOrder.orderId());
    }

    @Test
    void theOrderDetailShowsItsProductionInterfaceCallsAndAMaskedBuyer() throws Exception {
        long seller = seller();
        String sku = unique("sku");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long buyer = buyers.register(unique("carol"), "Carol", "+86 13812345678", "carol@example.com").id();
        buyers.topUp(buyer, new java.math.BigDecimal("10"), unique("t"));
        Order order = paid(buyer, sku);
        long failed = call(seller, order.orderId(), "FAILED", "connection refused by isv.example.com");
        long otherSellers = call(seller(), order.orderId(), "FAILED", "someone else's error");

        String detail = page(seller, "/seller/orders/" + order.orderId());
        assertThat(detail).contains("data-call=\"" + failed + "\"", "connection refused by isv.example.com", "newInstance");
        assertThat(detail).doesNotContain("data-call=\"" + otherSellers + "\"", "someone else&#39;s error");
        assertThat(detail).contains("Carol", "+86****5678", "c***@example.com").doesNotContain("13812345678", "carol@example.com");
    }

    @Test
    void payPerUseOrdersAreNotListedAsOrders() throws Exception {
        long seller = seller();
        String sku = unique("sku");
        product(seller, new org.opengallery.marketplace.catalog.NewSku(sku, "metered",
                org.opengallery.protocol.message.order.ChargingMode.Known.ON_DEMAND, java.util.List.of(), null,
                new java.math.BigDecimal("0.10"), "GB"));
        long buyer = buyer("10");
        Order order = orders.placeNew(buyer, sku, null, null, false);
        assertThat(page(seller, "/seller/orders")).doesNotContain(order.orderId());
        assertThat(page(seller, "/seller/orders/" + order.orderId())).contains(order.orderId());
    }
}
