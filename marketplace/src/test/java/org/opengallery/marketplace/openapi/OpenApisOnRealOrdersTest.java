package org.opengallery.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.NewSku;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.OpenApiKeyPair;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.opengallery.sellerkit.client.UsageBatchResult;
import org.opengallery.sellerkit.client.UsagePushClient;

/** The open APIs wired to the real capabilities: a seller reads its buyer's real order and pushes real usage. */
class OpenApisOnRealOrdersTest extends DomainTest {

    QueryOrderClient queryOrder(OpenApiKeyPair pair) {
        return QueryOrderClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port))
                .credentials(pair.accessKey(), pair.secretKey()).clock(clock).build();
    }

    UsagePushClient usagePush(String key) {
        return UsagePushClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port)).key(key).clock(clock)
                .maxAttempts(1).backoff(Duration.ZERO).build();
    }

    @Test
    void aSellerReadsItsBuyersPaidOrderWithTheBuyerAndTheProductBought() {
        long seller = seller();
        OpenApiKeyPair pair = sellers.createOpenApiKey(seller);
        String sku = unique("std");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("50");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "month", 2, false).orderId());

        OrderInfo info = queryOrder(pair).order(paid.orderId(), paid.line().orderLineId());

        assertThat(info.orderId()).isEqualTo(paid.orderId());
        assertThat(info.orderType()).isEqualTo(OrderType.Known.NEW);
        assertThat(info.orderLine()).singleElement().satisfies(line -> {
            assertThat(line.orderLineId()).isEqualTo(paid.line().orderLineId());
            assertThat(line.chargingMode()).isEqualTo(ChargingMode.Known.PERIOD);
            assertThat(line.periodType()).isEqualTo("month");
            assertThat(line.orderAmount()).isEqualByComparingTo("20.00");
            assertThat(line.productInfo()).singleElement().satisfies(p -> {
                assertThat(p.skuCode()).isEqualTo(sku);
                assertThat(p.productId()).isEqualTo(paid.line().productId());
            });
        });
        assertThat(info.buyerInfo()).isNotNull();
        assertThat(info.buyerInfo().mobilePhone()).isEqualTo("+86 13800000000");
    }

    @Test
    void aSellerCannotReadAnotherSellersOrder() {
        long seller = seller();
        String sku = unique("std");
        product(seller, periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("50");
        Order paid = orders.pay(buyer, orders.placeNew(buyer, sku, "month", 1, false).orderId());
        OpenApiKeyPair stranger = sellers.createOpenApiKey(seller());

        assertThatThrownBy(() -> queryOrder(stranger).order(paid.orderId(), null))
                .hasMessageContaining("MKT.0199");
    }

    @Test
    void pushedUsageChargesTheBuyerTheWholeCentsItsRunningTotalCrosses() {
        long seller = seller();
        String key = sellers.basicKeys(seller).stream().map(AccessKey::key).findFirst().orElseThrow();
        String sku = unique("od");
        product(seller, new NewSku(sku, "per call", ChargingMode.Known.ON_DEMAND, List.of(), null,
                new BigDecimal("0.004"), "call"));
        long buyer = buyer("10");
        Instance instance = provision(orders.pay(buyer, orders.placeNew(buyer, sku, null, null, false).orderId()));
        Instant begin = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

        // 3 calls = 0.012 → 0.01 owed; 3 more = 0.024 in all → 0.02 owed; the fraction waits for the next cent.
        for (int i = 0; i < 2; i++) {
            UsageRecord record = new UsageRecord(instance.instanceId(), begin.plus(Duration.ofMinutes(70)),
                    begin.plus(Duration.ofMinutes(i)), begin.plus(Duration.ofMinutes(i + 1)), new BigDecimal("3"),
                    unique("sn-"), null);
            assertThat(usagePush(key).push(List.of(record)).allAccepted()).isTrue();
        }

        assertThat(buyers.balance(buyer)).isEqualByComparingTo("9.98");
    }

    @Test
    void usageSignedWithAnotherSellersKeyIsRefused() {
        long seller = seller();
        String sku = unique("od");
        product(seller, new NewSku(sku, "per call", ChargingMode.Known.ON_DEMAND, List.of(), null,
                new BigDecimal("1"), "call"));
        long buyer = buyer("10");
        Instance instance = provision(orders.pay(buyer, orders.placeNew(buyer, sku, null, null, false).orderId()));
        long other = seller();
        String otherKey = sellers.basicKeys(other).get(0).key();
        Instant begin = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        UsageRecord record = new UsageRecord(instance.instanceId(), begin.plus(Duration.ofMinutes(70)), begin,
                begin.plus(Duration.ofHours(1)), BigDecimal.ONE, unique("sn-"), null);

        var batch = (UsageBatchResult.Answered) usagePush(otherKey).push(List.of(record)).batches().get(0);
        assertThat(batch.httpStatus()).isEqualTo(400);
        assertThat(batch.errorCode().code()).isEqualTo("MKT.0102");
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("10");
    }
}
