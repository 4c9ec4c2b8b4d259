package org.opengallery.protocol.message.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;

/**
 * Query Order (protocol-v2.md §6.2). The spec has no example answer; this one uses the documented fields and
 * the unconfirmed hints.
 */
class QueryOrderResponseTest {

    private static final String ANSWER = "{\"resultCode\":\"000000\",\"resultMsg\":\"success\",\"orderInfo\":{"
            + "\"orderId\":\"MOCKPERIODYEARNEW\",\"orderType\":\"NEW\",\"createTime\":\"20220726144700\","
            + "\"orderLine\":[{\"orderLineId\":\"MOCKPERIODYEARNEW-000001\",\"chargingMode\":\"PERIOD\","
            + "\"expireTime\":\"20230726144700\",\"periodType\":\"year\",\"periodNumber\":1,\"orderAmount\":1200.00,"
            + "\"productInfo\":[{\"productId\":\"OFFI1\",\"skuCode\":\"sku\",\"linearValue\":\"10\"}],\"currency\":\"CNY\"}],"
            + "\"buyerInfo\":{\"customerId\":\"c\",\"customerName\":\"n\",\"userId\":\"u\",\"userName\":\"un\","
            + "\"mobilePhone\":\"m\",\"email\":\"e\"},\"extendParams\":[{\"name\":\"k\",\"value\":\"v\"}]}}";

    @Test
    void aQueryOrderAnswerParsesIntoItsParts() {
        QueryOrderResponse answer = ProtocolJson.read(ANSWER, QueryOrderResponse.class);
        assertThat(answer.resultCode()).isEqualTo(ResultCode.Known.SUCCESS);
        OrderInfo order = answer.orderInfo();
        assertThat(order.orderType()).isEqualTo(OrderType.Known.NEW);
        assertThat(order.createdAt()).contains(Instant.parse("2022-07-26T14:47:00Z"));
        assertThat(order.buyerInfo()).isEqualTo(new BuyerInfo("c", "n", "u", "un", "m", "e"));
        assertThat(order.extendParams().get(0).text()).isEqualTo("v");
        OrderLine line = order.orderLine().get(0);
        assertThat(line.chargingMode()).isEqualTo(ChargingMode.Known.PERIOD);
        assertThat(line.expiry()).contains(Instant.parse("2023-07-26T14:47:00Z"));
        assertThat(line.periodNumber()).isEqualTo(1);
        assertThat(line.orderAmount()).isEqualByComparingTo("1200");
        assertThat(line.productInfo()).containsExactly(new ProductInfo("OFFI1", "sku", new BigDecimal("10")));
        assertThat(line.extra()).containsEntry("currency", "CNY");
    }

    @Test
    void aQueryOrderAnswerRoundTrips() {
        QueryOrderResponse answer = ProtocolJson.read(ANSWER, QueryOrderResponse.class);
        JsonNode expected = ProtocolJson.read(ANSWER, JsonNode.class);
        // linearValue arrives as a string and is written as a number: the one normalisation
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/orderInfo/orderLine/0/productInfo/0"))
                .put("linearValue", new BigDecimal("10"));
        assertThat(ProtocolJson.tree(answer)).isEqualTo(expected);
    }

    @Test
    void unknownOrderTypesAndChargingModesAreKept() {
        QueryOrderResponse answer = ProtocolJson.read("{\"resultCode\":\"MKT.0000\",\"orderInfo\":{\"orderId\":\"o\","
                + "\"orderType\":\"DOWNGRADE\",\"orderLine\":[{\"orderLineId\":\"l\",\"chargingMode\":\"SPOT\"}]}}",
                QueryOrderResponse.class);
        assertThat(answer.resultCode()).isEqualTo(new ResultCode.Unknown("MKT.0000"));
        assertThat(answer.orderInfo().orderType()).isEqualTo(new OrderType.Unknown("DOWNGRADE"));
        assertThat(answer.orderInfo().orderLine().get(0).chargingMode()).isEqualTo(new ChargingMode.Unknown("SPOT"));
        assertThat(answer.orderInfo().orderLine().get(0).expiry()).isEmpty();
        assertThat(ProtocolJson.write(answer)).contains("\"orderType\":\"DOWNGRADE\"", "\"chargingMode\":\"SPOT\"");
    }

    @Test
    void theDocumentedValueSets() {
        assertThat(OrderType.Known.values()).extracting(OrderType::code)
                .containsExactly("NEW", "TRIAL", "TRIAL_TO_FORMAL", "UNSUBSCRIBE", "RENEW", "CHANGE");
        assertThat(ChargingMode.Known.values()).extracting(ChargingMode::code)
                .containsExactly("ON_DEMAND", "ONE_TIME", "PERIOD", "ON_DEMAND_PKG");
        assertThat(OrderType.of("TRIAL")).isSameAs(OrderType.Known.TRIAL);
        assertThat(ChargingMode.of("ON_DEMAND_PKG")).isSameAs(ChargingMode.Known.ON_DEMAND_PKG);
    }

    @Test
    void mockOrderIdsAreTheNineDocumentedOnes() {
        assertThat(MockOrder.values()).extracting(MockOrder::orderId).containsExactly("MOCKPERIODYEARNEW", "MOCKONETIMENEW",
                "MOCKONDEMAND", "MOCKONDEMANDPKG", "MOCKPERIODDAYTRIAL", "MOCKMONTYTRIALTOFORMAL", "MOCKMONTYUNSUBSCRIBE",
                "MOCKMONTYRENEW", "MOCKMONTYCHANGE");
        assertThat(MockOrder.of("MOCKMONTYRENEW")).contains(MockOrder.MONTHLY_RENEW);
        assertThat(MockOrder.MONTHLY_RENEW.orderLineId()).isEqualTo("MOCKMONTYRENEW-000001");
        assertThat(MockOrder.MONTHLY_RENEW.orderType()).isEqualTo(OrderType.Known.RENEW);
        assertThat(MockOrder.isMock("CS2207261447AUY4H")).isFalse();
    }
}
