package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.conformance.Checking.AK;
import static org.opengallery.conformance.Checking.KEY;
import static org.opengallery.conformance.Checking.SK;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.OrderBook.PlacedOrder;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.apig.SignedRequest;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.protocol.message.usage.UsagePushRequest;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v2.SignatureScheme;

/** The mock open API answers like KooGallery's: Query Order behind AK/SK, usage push behind the seller key. */
class MockOpenApiTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MockOpenApi openApi;

    record Reply(int status, JsonNode json) {
    }

    @BeforeEach
    void start() throws Exception {
        openApi = MockOpenApi.start(0, AccessKeys.of(AK, SK), KEY);
    }

    @AfterEach
    void stop() {
        openApi.close();
    }

    @Test
    void queryOrderAnswersTheSpecsMockOrdersWithARealisticOrder() throws Exception {
        Reply reply = queryOrder(ApigSigner.of(AK, SK), "MOCKPERIODYEARNEW", "MOCKPERIODYEARNEW-000001");

        assertThat(reply.status()).isEqualTo(200);
        QueryOrderResponse answer = ProtocolJson.read(reply.json(), QueryOrderResponse.class);
        assertThat(answer.resultCode()).isEqualTo(ResultCode.Known.SUCCESS);
        OrderInfo order = answer.orderInfo();
        assertThat(order.orderType()).isEqualTo(OrderType.Known.NEW);
        assertThat(order.createdAt()).isPresent();
        assertThat(order.buyerInfo().customerId()).isNotBlank();
        OrderLine line = order.orderLine().get(0);
        assertThat(line.orderLineId()).isEqualTo("MOCKPERIODYEARNEW-000001");
        assertThat(line.chargingMode()).isEqualTo(ChargingMode.Known.PERIOD);
        assertThat(line.periodType()).isEqualTo("year");
        assertThat(line.expiry()).isPresent();
        assertThat(line.productInfo().get(0).productId()).startsWith("OFFI");
        assertThat(line.productInfo().get(0).skuCode()).isNotBlank();
    }

    @Test
    void queryOrderAnswersEveryOrderTheCheckerPlaced() throws Exception {
        PlacedOrder upgrade = openApi.orders().place(MockOrder.MONTHLY_CHANGE);

        Reply reply = queryOrder(ApigSigner.of(AK, SK), upgrade.orderId(), null);

        assertThat(upgrade.orderId()).matches("CS\\d{10}[A-Z0-9]{5}");
        OrderInfo order = ProtocolJson.read(reply.json(), QueryOrderResponse.class).orderInfo();
        assertThat(order.orderType()).isEqualTo(OrderType.Known.CHANGE);
        assertThat(order.orderLine().get(0).orderLineId()).isEqualTo(upgrade.orderId() + "-000001");
        assertThat(order.orderLine().get(0).productInfo().get(0)).isEqualTo(openApi.orders().upgradedProduct());
        assertThat(openApi.queriedOrders()).containsExactly(upgrade.orderId());
    }

    @Test
    void queryOrderRefusesAnUnknownOrderOrLine() throws Exception {
        Reply unknownOrder = queryOrder(ApigSigner.of(AK, SK), "CS2401010000NOSUCH", null);
        Reply unknownLine = queryOrder(ApigSigner.of(AK, SK), "MOCKONETIMENEW", "MOCKONETIMENEW-000002");

        assertThat(unknownOrder.status()).isEqualTo(400);
        assertThat(unknownOrder.json().get("resultCode").asText()).isEqualTo("MKT.0101");
        assertThat(unknownLine.status()).isEqualTo(400);
        assertThat(unknownLine.json().get("resultMsg").asText()).contains("no line MOCKONETIMENEW-000002");
    }

    @Test
    void queryOrderRefusesAWrongSecretKeyLikeTheApiGateway() throws Exception {
        Reply reply = queryOrder(ApigSigner.of(AK, "not-the-secret-key"), "MOCKONETIMENEW", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(reply.json().toString()).doesNotContain(SK);
    }

    @Test
    void queryOrderRefusesAStaleSdkDate() throws Exception {
        ApigSigner late = ApigSigner.of(AK, SK).withClock(
                java.time.Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), java.time.ZoneOffset.UTC));

        Reply reply = queryOrder(late, "MOCKONETIMENEW", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("APIGW.0303");
    }

    @Test
    void usagePushAcceptsSignedUsageOfAnInstanceDeliveredInThisRun() throws Exception {
        openApi.orders().recordDelivery("instance-1");
        UsageRecord record = record("instance-1", Instant.now().minus(Duration.ofHours(1)), "1.5");

        Reply reply = pushUsage(List.of(record), KEY, KooGalleryCaller.freshNonce());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"error_code\":\"MKT.0000\",\"error_msg\":\"success\"}");
        assertThat(openApi.acceptedUsage()).containsExactly(record);
    }

    @Test
    void usagePushRefusesASignatureUnderAnotherKey() throws Exception {
        openApi.orders().recordDelivery("instance-1");

        Reply reply = pushUsage(List.of(record("instance-1", Instant.now(), "1")), "another-key", "n-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("MKT.0102");
        assertThat(openApi.acceptedUsage()).isEmpty();
    }

    @Test
    void usagePushRefusesAReplayedNonce() throws Exception {
        openApi.orders().recordDelivery("instance-1");
        List<UsageRecord> records = List.of(record("instance-1", Instant.now(), "1"));
        byte[] body = ProtocolJson.writeBytes(new UsagePushRequest(records));
        String ts = ProtocolTime.formatEpochMillis(Instant.now());

        Reply first = push(body, ts, "same-nonce", SignatureScheme.USAGE.sign(KEY, ts, "same-nonce", body));
        Reply again = push(body, ts, "same-nonce", SignatureScheme.USAGE.sign(KEY, ts, "same-nonce", body));

        assertThat(first.json().get("error_code").asText()).isEqualTo("MKT.0000");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error_code").asText()).isEqualTo("MKT.0101");
    }

    @Test
    void usagePushAnswersTheDocumentedCodeForEachBrokenPush() throws Exception {
        openApi.orders().recordDelivery("instance-1");
        Instant now = Instant.now();
        List<UsageRecord> tooMany = new ArrayList<>(Collections.nCopies(1001, record("instance-1", now, "1")));

        assertThat(code(pushUsage(tooMany, KEY, "n-many"))).isEqualTo("500 MKT.9003");
        assertThat(code(pushUsage(List.of(record("not-delivered", now, "1")), KEY, "n-unknown")))
                .isEqualTo("500 MKT.9001");
        assertThat(code(pushUsage(List.of(record("instance-1", now.minus(Duration.ofDays(22)), "1")), KEY, "n-old")))
                .isEqualTo("500 MKT.9004");
        assertThat(code(pushUsage(List.of(record("instance-1", now, "0")), KEY, "n-zero"))).isEqualTo("500 MKT.0100");
        assertThat(openApi.acceptedUsage()).isEmpty();
    }

    @Test
    void anythingElseIsAnApiThatDoesNotExist() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(openApi.baseUrl().resolve("/api/other")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("APIGW.0101");
    }

    private static String code(Reply reply) {
        return reply.status() + " " + reply.json().get("error_code").asText();
    }

    private static UsageRecord record(String instanceId, Instant begin, String value) {
        return new UsageRecord(instanceId, begin.plus(Duration.ofHours(1)), begin, begin.plus(Duration.ofHours(1)),
                new BigDecimal(value), UUID.randomUUID().toString(), null);
    }

    private Reply queryOrder(ApigSigner signer, String orderId, String orderLineId) throws Exception {
        URI uri = URI.create(openApi.baseUrl() + MockOpenApi.QUERY_ORDER_PATH + "?orderId=" + QueryString.encode(orderId)
                + (orderLineId == null ? "" : "&orderLineId=" + QueryString.encode(orderLineId)));
        SignedRequest signed = signer.sign(ApigRequest.builder("GET", uri).header("Content-Type", "application/json").build());
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
        signed.headers().forEach((name, value) -> {
            if (!name.equals("Host")) {
                get.header(name, value);
            }
        });
        return reply(http.send(get.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private Reply pushUsage(List<UsageRecord> records, String key, String nonce) throws Exception {
        byte[] body = ProtocolJson.writeBytes(new UsagePushRequest(records));
        String ts = ProtocolTime.formatEpochMillis(Instant.now());
        return push(body, ts, nonce, SignatureScheme.USAGE.sign(key, ts, nonce, body));
    }

    private Reply push(byte[] body, String ts, String nonce, String signature) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(openApi.baseUrl() + MockOpenApi.USAGE_PATH))
                .header("Content-Type", "application/json").header("ts", ts).header("nonce", nonce)
                .header("signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return reply(http.send(post, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Reply reply(HttpResponse<byte[]> response) {
        return new Reply(response.statusCode(), ProtocolJson.read(new String(response.body(), StandardCharsets.UTF_8),
                JsonNode.class));
    }
}
