package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.apig.ApigAuthorization;
import org.opengallery.protocol.apig.ApigVerifier;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.client.FakeKooGallery.Received;
import org.opengallery.sellerkit.client.FakeKooGallery.Reply;

class QueryOrderClientTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final Instant NOW = Instant.parse("2024-03-06T02:07:45Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final ApigVerifier GATEWAY =
            ApigVerifier.builder(AccessKeys.of(AK, SK)).clock(CLOCK).build();

    private final java.util.List<FakeKooGallery> servers = new java.util.ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(FakeKooGallery::close);
    }

    // --- the fake: a gateway that verifies AK/SK, then Query Order answering the MOCK order ids -------------

    /** Verifies the AK/SK signature as Huawei's gateway would, then answers like Query Order. */
    private static Reply queryOrder(Received request, String successCode) {
        try {
            GATEWAY.verify(request.asApigRequest());
        } catch (VerificationException e) {
            return Reply.json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"" + e.getMessage() + "\"}");
        }
        if (!request.method().equals("GET") || !request.path().equals(QueryOrderClient.PATH)) {
            return Reply.json(404, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"no such API\"}");
        }
        QueryString query = QueryString.parse(request.rawQuery(), PlusSign.SPACE);
        String orderId = query.first("orderId").orElse("");
        return MockOrder.of(orderId)
                .map(mock -> Reply.json(200, ProtocolJson.write(
                        new QueryOrderResponse(ResultCode.of(successCode), "success", orderInfo(mock)))))
                .orElseGet(() -> Reply.json(200, "{\"resultCode\":\"MKT.0404\",\"resultMsg\":\"order not found\"}"));
    }

    private static OrderInfo orderInfo(MockOrder mock) {
        OrderLine line = new OrderLine(mock.orderLineId(), mock.chargingMode(), "20250306020745", null, null, null,
                null, null, List.of(), Map.of());
        return new OrderInfo(mock.orderId(), mock.orderType(), "20240306020745", List.of(line), null, List.of(),
                Map.of());
    }

    private FakeKooGallery serve(FakeKooGallery.Responder responder) {
        FakeKooGallery server = FakeKooGallery.http(responder);
        servers.add(server);
        return server;
    }

    private FakeKooGallery queryOrderServer() {
        return serve(request -> queryOrder(request, "MKT.0000"));
    }

    private static QueryOrderClient.Builder client(OpenApiEndpoint endpoint) {
        return QueryOrderClient.builder(endpoint).credentials(AK, SK).clock(CLOCK);
    }

    private static QueryOrderClient client(FakeKooGallery server) {
        return client(OpenApiEndpoint.of(server.baseUrl())).build();
    }

    // --- answers -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(MockOrder.class)
    void everyMockOrderIdAnswersWithItsOrder(MockOrder mock) {
        FakeKooGallery server = queryOrderServer();

        OrderInfo order = client(server).order(mock.orderId(), mock.orderLineId());

        assertThat(order.orderId()).isEqualTo(mock.orderId());
        assertThat(order.orderType()).isEqualTo(mock.orderType());
        assertThat(order.orderLine()).singleElement()
                .satisfies(line -> assertThat(line.orderLineId()).isEqualTo(mock.orderLineId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MKT.0000", "000000"})
    void bothReadingsOfTheUnpublishedSuccessCodeReturnTheOrder(String successCode) {
        FakeKooGallery server = serve(request -> queryOrder(request, successCode));

        assertThat(client(server).order("MOCKONDEMAND", null).orderId()).isEqualTo("MOCKONDEMAND");
    }

    @Test
    void theRequestIsAGetSignedOverContentTypeHostAndDate() {
        FakeKooGallery server = queryOrderServer();

        client(server).order("MOCKPERIODYEARNEW", "MOCKPERIODYEARNEW-000001");

        Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/mkp-openapi-public/global/v1/order/query");
        assertThat(request.rawQuery()).isEqualTo("orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Sdk-Date")).isEqualTo("20240306T020745Z");
        assertThat(request.header("Host")).isEqualTo(server.baseUrl().substring("http://".length()));
        ApigAuthorization authorization = ApigAuthorization.parse(request.header("Authorization"));
        assertThat(authorization.accessKey()).isEqualTo(AK);
        assertThat(authorization.signedHeaders()).containsExactly("content-type", "host", "x-sdk-date");
    }

    @Test
    void orderLineIdIsLeftOutWhenNotGiven() {
        FakeKooGallery server = queryOrderServer();

        client(server).order("MOCKONETIMENEW", " ");

        assertThat(server.received().get(0).rawQuery()).isEqualTo("orderId=MOCKONETIMENEW");
    }

    @Test
    void idsAreEncodedTheWayTheySignSoOddCharactersStillVerify() {
        FakeKooGallery server = serve(request -> {
            GATEWAY.verify(request.asApigRequest());
            return Reply.json(200, "{\"resultCode\":\"MKT.0404\",\"resultMsg\":\"order not found\"}");
        });

        assertThatThrownBy(() -> client(server).order("CS 22+07/26~x", "行-1"))
                .isInstanceOf(OrderQueryException.class)
                .extracting(e -> ((OrderQueryException) e).resultCode()).isEqualTo("MKT.0404");
        assertThat(server.received().get(0).rawQuery())
                .isEqualTo("orderId=CS%2022%2B07%2F26~x&orderLineId=%E8%A1%8C-1");
    }

    // --- errors ------------------------------------------------------------------------------------------

    @Test
    void anErrorResultCodeBecomesAnOrderQueryExceptionCarryingCodeAndMessage() {
        FakeKooGallery server = queryOrderServer();

        assertThatThrownBy(() -> client(server).order("CS2207261447AUY4H", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo("MKT.0404");
                    assertThat(e.getMessage()).contains("MKT.0404").contains("order not found");
                });
    }

    @Test
    void aWrongSecretKeyFailsTheGatewaysVerificationSoTheFakeReallyChecks() {
        FakeKooGallery server = queryOrderServer();
        QueryOrderClient wrongKey = client(OpenApiEndpoint.of(server.baseUrl()))
                .credentials(AK, "not-the-secret-key").build();

        assertThatThrownBy(() -> wrongKey.order("MOCKONDEMAND", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo("APIGW.0301");
                    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("not-the-secret-key");
                });
    }

    @Test
    void anHttpErrorWithoutACodeSaysWhichStatus() {
        FakeKooGallery server = serve(request -> Reply.json(403, "<html>forbidden</html>"));

        assertThatThrownBy(() -> client(server).order("MOCKONDEMAND", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> {
                    assertThat(e.resultCode()).isNull();
                    assertThat(e.getMessage()).contains("HTTP 403");
                });
    }

    @Test
    void anUnparseableBodyIsAnOrderQueryExceptionSayingSo() {
        FakeKooGallery server = serve(request -> Reply.json(200, "{\"resultCode\":"));

        assertThatThrownBy(() -> client(server).order("MOCKONDEMAND", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> {
                    assertThat(e.resultCode()).isNull();
                    assertThat(e.getMessage()).contains("not a Query Order answer");
                });
    }

    @Test
    void successWithoutAnOrderIsNotSuccess() {
        FakeKooGallery server = serve(request -> Reply.json(200, "{\"resultCode\":\"MKT.0000\",\"resultMsg\":\"ok\"}"));

        assertThatThrownBy(() -> client(server).order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .hasMessageContaining("no orderInfo");
    }

    @Test
    void anAnswerWithoutResultCodeIsAnError() {
        FakeKooGallery server = serve(request -> Reply.json(200, "{}"));

        assertThatThrownBy(() -> client(server).order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .hasMessageContaining("no resultCode");
    }

    @Test
    void aSlowAnswerTimesOutAsAnOrderQueryException() {
        FakeKooGallery server = serve(request -> {
            Thread.sleep(600);
            return Reply.json(200, "{}");
        });
        QueryOrderClient impatient = client(OpenApiEndpoint.of(server.baseUrl()))
                .requestTimeout(Duration.ofMillis(100)).build();

        assertThatThrownBy(() -> impatient.order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .hasMessageContaining("could not reach");
    }

    // --- backup host -------------------------------------------------------------------------------------

    @Test
    void a5xxFromThePrimaryIsTriedOnceOnTheBackup() {
        FakeKooGallery primary = serve(request -> Reply.json(503, "service unavailable"));
        FakeKooGallery backup = queryOrderServer();

        OrderInfo order = client(OpenApiEndpoint.of(primary.baseUrl(), backup.baseUrl())).build()
                .order("MOCKMONTYRENEW", "MOCKMONTYRENEW-000001");

        assertThat(order.orderId()).isEqualTo("MOCKMONTYRENEW");
        assertThat(primary.received()).hasSize(1);
        assertThat(backup.received()).hasSize(1);
    }

    @Test
    void anUnreachablePrimaryFallsBackToTheBackup() {
        FakeKooGallery backup = queryOrderServer();

        OrderInfo order = client(OpenApiEndpoint.of(FakeKooGallery.unreachableBaseUrl(), backup.baseUrl())).build()
                .order("MOCKMONTYCHANGE", null);

        assertThat(order.orderId()).isEqualTo("MOCKMONTYCHANGE");
    }

    @Test
    void anErrorCodeFromThePrimaryIsTheAnswerAndTheBackupIsLeftAlone() {
        FakeKooGallery primary = queryOrderServer();
        FakeKooGallery backup = queryOrderServer();

        assertThatThrownBy(() -> client(OpenApiEndpoint.of(primary.baseUrl(), backup.baseUrl())).build()
                .order("NO-SUCH-ORDER", null))
                .isInstanceOf(OrderQueryException.class);
        assertThat(backup.received()).isEmpty();
    }

    @Test
    void bothHostsDownIsAnOrderQueryExceptionNamingBoth() {
        FakeKooGallery backup = serve(request -> Reply.json(502, ""));

        assertThatThrownBy(() -> client(OpenApiEndpoint.of(FakeKooGallery.unreachableBaseUrl(), backup.baseUrl()))
                .build().order("MOCKONDEMAND", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> assertThat(e.getMessage())
                        .contains("HTTP 502").contains("unreachable"));
    }

    @Test
    void withoutABackupAnUnreachableHostIsAnOrderQueryException() {
        QueryOrderClient client = client(OpenApiEndpoint.of(FakeKooGallery.unreachableBaseUrl())).build();

        assertThatThrownBy(() -> client.order("MOCKONDEMAND", null))
                .isInstanceOfSatisfying(OrderQueryException.class, e -> {
                    assertThat(e.resultCode()).isNull();
                    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
                });
    }

    // --- certificates ------------------------------------------------------------------------------------

    @Test
    void theJdksDefaultTrustRejectsASelfSignedServer() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.get();
        FakeKooGallery server = FakeKooGallery.https(certificate.serverContext(), request -> queryOrder(request,
                "MKT.0000"));
        servers.add(server);

        assertThatThrownBy(() -> client(server).order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anSslContextTrustingThePrivateCertificateIsAccepted() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.get();
        FakeKooGallery server = FakeKooGallery.https(certificate.serverContext(), request -> queryOrder(request,
                "MKT.0000"));
        servers.add(server);
        QueryOrderClient client = client(OpenApiEndpoint.of(server.baseUrl()))
                .sslContext(certificate.trustingContext()).build();

        assertThat(client.order("MOCKONDEMANDPKG", null).orderId()).isEqualTo("MOCKONDEMANDPKG");
    }

    @Test
    void aTrustedCertificateIsStillRejectedForAnotherHostName() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.get();
        FakeKooGallery server = FakeKooGallery.https(certificate.serverContext(), request -> queryOrder(request,
                "MKT.0000"));
        servers.add(server);
        String byName = server.baseUrl().replace("127.0.0.1", "localhost");
        QueryOrderClient client = client(OpenApiEndpoint.of(byName)).sslContext(certificate.trustingContext()).build();

        assertThatThrownBy(() -> client.order("MOCKONDEMAND", null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class));
        assertThat(server.received()).isEmpty();
    }

    // --- configuration -----------------------------------------------------------------------------------

    @Test
    void buildRequiresCredentialsAndPositiveTimeouts() {
        OpenApiEndpoint endpoint = OpenApiEndpoint.of("http://127.0.0.1:1");

        assertThatThrownBy(() -> QueryOrderClient.builder(endpoint).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> QueryOrderClient.builder(endpoint).credentials(AK, "").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QueryOrderClient.builder(endpoint).credentials("bad,key", SK).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(endpoint).connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> client(endpoint).requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
    }

    @Test
    void anOrderIdIsRequired() {
        QueryOrderClient client = client(OpenApiEndpoint.of("http://127.0.0.1:1")).build();

        assertThatThrownBy(() -> client.order(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheKeys() {
        QueryOrderClient client = client(OpenApiEndpoint.CHINA).build();

        assertThat(client.toString()).contains("mkt.myhuaweicloud.com").doesNotContain(AK).doesNotContain(SK);
    }
}
