package org.opengallery.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.apig.SignedRequest;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@MarketplaceTest
@Import(InMemoryPorts.All.class)
class QueryOrderApiTest {

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired InMemoryPorts.Credentials credentials;
    @Autowired InMemoryPorts.Orders orders;

    final HttpClient http = HttpClient.newHttpClient();
    String ak1;
    String sk1;
    String ak2;
    String sk2;
    String orderId;
    Instant created;

    @BeforeEach
    void sellersAndAnOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ak1 = "AK1" + run;
        sk1 = "SK1-" + UUID.randomUUID();
        ak2 = "AK2" + run;
        sk2 = "SK2-" + UUID.randomUUID();
        credentials.add(ak1, "seller-1-" + run, sk1);
        credentials.add(ak2, "seller-2-" + run, sk2);
        orderId = "CS" + run.toUpperCase();
        created = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        orders.add(new OrderRecord(orderId, "seller-1-" + run, OrderType.Known.NEW, created,
                new OrderRecord.Buyer("cust-" + run, "ACME Ltd", "user-" + run, "alice", null, "a@acme.example"),
                List.of(new OrderRecord.Line(orderId + "-000001", ChargingMode.Known.PERIOD,
                                created.plus(Duration.ofDays(30)), "month", 1, new BigDecimal("99.90"), false,
                                List.of(new OrderRecord.Product("prod-" + run, "sku-basic", new BigDecimal("5")))),
                        new OrderRecord.Line(orderId + "-000002", ChargingMode.Known.ON_DEMAND, null, null, null,
                                null, false, List.of(new OrderRecord.Product("prod-od-" + run, "sku-od", null))))));
    }

    QueryOrderClient client(String ak, String sk) {
        return client(ak, sk, clock);
    }

    QueryOrderClient client(String ak, String sk, Clock clientClock) {
        return QueryOrderClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port))
                .credentials(ak, sk).clock(clientClock).build();
    }

    @Test
    void aSellerReadsItsOwnOrderWithBuyerAndProducts() {
        OrderInfo info = client(ak1, sk1).order(orderId, null);

        assertThat(info.orderId()).isEqualTo(orderId);
        assertThat(info.orderType()).isEqualTo(OrderType.Known.NEW);
        assertThat(info.createdAt()).contains(created);
        assertThat(info.orderLine()).extracting(OrderLine::orderLineId)
                .containsExactly(orderId + "-000001", orderId + "-000002");
        OrderLine periodic = info.orderLine().get(0);
        assertThat(periodic.chargingMode()).isEqualTo(ChargingMode.Known.PERIOD);
        assertThat(periodic.expiry()).contains(created.plus(Duration.ofDays(30)));
        assertThat(periodic.periodType()).isEqualTo("month");
        assertThat(periodic.orderAmount()).isEqualByComparingTo("99.90");
        assertThat(periodic.productInfo()).singleElement().satisfies(p -> {
            assertThat(p.productId()).startsWith("prod-");
            assertThat(p.skuCode()).isEqualTo("sku-basic");
            assertThat(p.linearValue()).isEqualByComparingTo("5");
        });
        assertThat(info.orderLine().get(1).chargingMode()).isEqualTo(ChargingMode.Known.ON_DEMAND);
        assertThat(info.orderLine().get(1).expireTime()).isNull();
        assertThat(info.buyerInfo().customerName()).isEqualTo("ACME Ltd");
        assertThat(info.buyerInfo().userName()).isEqualTo("alice");
        assertThat(info.buyerInfo().email()).isEqualTo("a@acme.example");
    }

    @Test
    void anOrderLineIdNarrowsTheAnswerToThatLine() {
        OrderInfo info = client(ak1, sk1).order(orderId, orderId + "-000002");

        assertThat(info.orderLine()).extracting(OrderLine::orderLineId).containsExactly(orderId + "-000002");
    }

    @Test
    void anUnknownOrderLineIsNotFound() {
        assertThatThrownBy(() -> client(ak1, sk1).order(orderId, orderId + "-000009"))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("MKT.0199"));
    }

    @Test
    void anOrderIdThatNeedsPercentEncodingIsVerifiedAndFound() {
        String odd = "CS " + orderId + "+/é";
        OrderRecord original = orders.byOrderId(orderId).orElseThrow();
        orders.add(new OrderRecord(odd, original.sellerId(), OrderType.Known.RENEW, created, null, original.lines()));

        OrderInfo info = client(ak1, sk1).order(odd, null);

        assertThat(info.orderId()).isEqualTo(odd);
        assertThat(info.orderType()).isEqualTo(OrderType.Known.RENEW);
        assertThat(info.buyerInfo()).isNull();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThatThrownBy(() -> client(ak1, sk1).order("CSNOSUCHORDER", null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("MKT.0199"));
    }

    @Test
    void anotherSellersOrderIsAnsweredExactlyLikeAnUnknownOrder() throws Exception {
        assertThatThrownBy(() -> client(ak2, sk2).order(orderId, null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("MKT.0199"));

        HttpResponse<String> others = signedGet(ak2, sk2, "orderId=" + orderId, clock.instant());
        HttpResponse<String> unknown = signedGet(ak2, sk2, "orderId=CSNOSUCHORDER", clock.instant());
        assertThat(others.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(others.body()).isEqualTo(unknown.body()).doesNotContain(orderId).doesNotContain("ACME");
    }

    @Test
    void mockOrdersAnswerForAnyValidAk() {
        for (QueryOrderClient client : List.of(client(ak1, sk1), client(ak2, sk2))) {
            for (MockOrder mock : MockOrder.values()) {
                OrderInfo info = client.order(mock.orderId(), null);
                assertThat(info.orderId()).isEqualTo(mock.orderId());
                assertThat(info.orderType()).isEqualTo(mock.orderType());
                assertThat(info.createdAt()).isPresent();
                assertThat(info.buyerInfo()).isNotNull();
                assertThat(info.orderLine()).singleElement().satisfies(line -> {
                    assertThat(line.orderLineId()).isEqualTo(mock.orderLineId());
                    assertThat(line.chargingMode()).isEqualTo(mock.chargingMode());
                    assertThat(line.productInfo()).isNotEmpty();
                    assertThat(line.expiry().isPresent())
                            .isEqualTo(mock.chargingMode() == ChargingMode.Known.PERIOD
                                    || mock.chargingMode() == ChargingMode.Known.ON_DEMAND_PKG);
                });
                assertThat(client.order(mock.orderId(), mock.orderLineId()).orderLine()).hasSize(1);
            }
        }
    }

    @Test
    void aMockOrderAnswersOnlyItsOwnLineId() {
        assertThatThrownBy(() -> client(ak1, sk1).order("MOCKONDEMAND", "MOCKONDEMAND-000002"))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("MKT.0199"));
    }

    @Test
    void mockOrdersStillNeedAValidSignature() {
        assertThatThrownBy(() -> client(ak1, "not-the-secret").order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("APIGW.0301"));
    }

    @Test
    void aMissingAuthorizationIsRefused() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("orderId=MOCKONDEMAND"))
                .header("X-Sdk-Date", ApigSigner.formatDate(clock.instant())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertGatewayRefusal(answer, "APIGW.0301", "Authorization header is missing");
    }

    @Test
    void aMalformedAuthorizationIsRefused() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("orderId=MOCKONDEMAND"))
                .header("X-Sdk-Date", ApigSigner.formatDate(clock.instant()))
                .header("Authorization", "Basic dXNlcjpwYXNz").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertGatewayRefusal(answer, "APIGW.0301", "unsupported algorithm");
    }

    @Test
    void anUnknownAccessKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> client("AKNOBODY", sk1).order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("APIGW.0301"));
        assertGatewayRefusal(signedGet("AKNOBODY", sk1, "orderId=MOCKONDEMAND", clock.instant()), "APIGW.0301",
                "access key is unknown");
    }

    @Test
    void aSignatureUnderTheWrongSecretKeyIsRefused() throws Exception {
        assertGatewayRefusal(signedGet(ak1, sk2, "orderId=" + orderId, clock.instant()), "APIGW.0301",
                "signature");
    }

    @Test
    void aQueryChangedAfterSigningIsRefused() throws Exception {
        SignedRequest signed = ApigSigner.of(ak2, sk2).sign(
                ApigRequest.builder("GET", uri("orderId=MOCKONDEMAND")).header("Content-Type", "application/json")
                        .build(), clock.instant());
        HttpRequest.Builder tampered = HttpRequest.newBuilder(uri("orderId=" + orderId)).GET()
                .header("Content-Type", "application/json");
        signed.headers().forEach((name, value) -> {
            if (!name.equals("Host")) {
                tampered.header(name, value);
            }
        });

        assertGatewayRefusal(http.send(tampered.build(), HttpResponse.BodyHandlers.ofString()), "APIGW.0301",
                "signature");
    }

    @Test
    void aStaleSdkDateIsRefused() throws Exception {
        for (Duration skew : List.of(Duration.ofMinutes(-16), Duration.ofMinutes(16))) {
            assertThatThrownBy(() -> client(ak1, sk1, Clock.offset(clock, skew)).order(orderId, null))
                    .isInstanceOf(OrderQueryException.class)
                    .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("APIGW.0303"));
            assertGatewayRefusal(signedGet(ak1, sk1, "orderId=" + orderId, clock.instant().plus(skew)),
                    "APIGW.0303", "15 minutes");
        }
    }

    @Test
    void anSdkDateWithinFifteenMinutesIsAccepted() {
        for (Duration skew : List.of(Duration.ofMinutes(-14), Duration.ofMinutes(14))) {
            assertThat(client(ak1, sk1, Clock.offset(clock, skew)).order(orderId, null).orderId()).isEqualTo(orderId);
        }
    }

    @Test
    void aMissingSdkDateIsRefused() throws Exception {
        SignedRequest signed = ApigSigner.of(ak1, sk1).sign(
                ApigRequest.builder("GET", uri("orderId=MOCKONDEMAND")).build(), clock.instant());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("orderId=MOCKONDEMAND")).GET()
                .header("Authorization", signed.authorizationHeader()).build(), HttpResponse.BodyHandlers.ofString());

        assertGatewayRefusal(answer, "APIGW.0303", "X-Sdk-Date");
    }

    @Test
    void aMissingOrderIdIsAnInvalidParameter() throws Exception {
        for (String query : List.of("", "orderLineId=X", "orderId=A&orderId=B", "orderId=" + "X".repeat(65))) {
            HttpResponse<String> answer = signedGet(ak1, sk1, query, clock.instant());
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(json(answer).get("resultCode").asText()).isEqualTo("MKT.0101");
        }
    }

    @Test
    void refusalsNeverCarryTheSecretKey() throws Exception {
        HttpResponse<String> answer = signedGet(ak1, sk2, "orderId=" + orderId, clock.instant());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(sk1).doesNotContain(sk2);
    }

    private URI uri(String query) {
        return URI.create("http://127.0.0.1:" + port + QueryOrderController.PATH
                + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpResponse<String> signedGet(String ak, String sk, String query, Instant date) throws Exception {
        SignedRequest signed = ApigSigner.of(ak, sk).sign(
                ApigRequest.builder("GET", uri(query)).header("Content-Type", "application/json").build(), date);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(query)).GET()
                .header("Content-Type", "application/json");
        for (Map.Entry<String, String> header : signed.headers().entrySet()) {
            if (!header.getKey().equals("Host")) {
                request.header(header.getKey(), header.getValue());
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertGatewayRefusal(HttpResponse<String> answer, String code, String messagePart)
            throws Exception {
        assertThat(answer.statusCode()).isEqualTo(401);
        JsonNode body = json(answer);
        assertThat(body.get("error_code").asText()).isEqualTo(code);
        assertThat(body.get("error_msg").asText()).contains(messagePart);
        assertThat(body.get("request_id").asText()).isNotBlank();
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return ProtocolJson.mapper().readTree(answer.body());
    }
}
