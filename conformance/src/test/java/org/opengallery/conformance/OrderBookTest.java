package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.OrderBook.PlacedOrder;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderType;

class OrderBookTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-11-18T18:19:30Z"), ZoneOffset.UTC);

    @Test
    void aFreshOrderIdIsCsTheMinuteAndFiveRandomCharactersLikeKooGallerys() {
        assertThat(OrderBook.freshOrderId(CLOCK.instant())).matches("CS2211181819[A-Z0-9]{5}");
        assertThat(OrderBook.freshOrderId(CLOCK.instant())).isNotEqualTo(OrderBook.freshOrderId(CLOCK.instant()));
    }

    @Test
    void withTheMockEveryPlacedOrderIsFreshAndAnswerable() {
        OrderBook book = new OrderBook(CLOCK, true);

        PlacedOrder first = book.place(MockOrder.PERIOD_YEAR_NEW);
        PlacedOrder second = book.place(MockOrder.PERIOD_YEAR_NEW);

        assertThat(first.orderId()).isNotEqualTo(second.orderId());
        assertThat(first.orderLineId()).isEqualTo(first.orderId() + "-000001");
        assertThat(book.order(first.orderId())).hasValueSatisfying(order -> {
            assertThat(order.orderType()).isEqualTo(OrderType.Known.NEW);
            assertThat(order.createTime()).isEqualTo("20221118181930");
            assertThat(order.orderLine().get(0).expireTime()).isEqualTo("20231118181930");
        });
    }

    @Test
    void withoutTheMockTheSpecsMockOrdersAreUsed() {
        OrderBook book = new OrderBook(CLOCK, false);

        assertThat(book.place(MockOrder.MONTHLY_RENEW))
                .isEqualTo(new PlacedOrder("MOCKMONTYRENEW", "MOCKMONTYRENEW-000001", MockOrder.MONTHLY_RENEW));
    }

    @Test
    void theSpecsMockOrdersAreAlwaysAnswerable() {
        OrderBook book = new OrderBook(CLOCK, true);

        for (MockOrder mock : MockOrder.values()) {
            assertThat(book.order(mock.orderId())).hasValueSatisfying(order -> {
                assertThat(order.orderType()).isEqualTo(mock.orderType());
                assertThat(order.orderLine().get(0).chargingMode()).isEqualTo(mock.chargingMode());
            });
        }
        assertThat(book.order("MOCKPERIODDAYTRIAL").orElseThrow().orderLine().get(0).trialFlag()).isEqualTo("1");
        assertThat(book.order("MOCKONETIMENEW").orElseThrow().orderLine().get(0).expireTime()).isNull();
    }
}
