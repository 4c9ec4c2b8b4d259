package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.apig.ApigVerifier;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.usage.UsageErrorCode;
import org.opengallery.protocol.message.usage.UsagePushRequest;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode;
import org.opengallery.protocol.v2.InMemoryNonceReplayGuard;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;
import org.opengallery.sellerkit.client.FakeKooGallery.Received;
import org.opengallery.sellerkit.client.FakeKooGallery.Reply;

class UsagePushClientTest {

    private static final String KEY = "basic-interface-key-0123456789";
    private static final String INSTANCE = "7f141bf1-aec8-4859-8323-fb3a8ad50721";
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final Reply SUCCESS = Reply.json(200, "{\"error_code\":\"MKT.0000\",\"error_msg\":\"success\"}");

    private final List<FakeKooGallery> servers = new ArrayList<>();
    /** Shared by every fake of a test: a nonce used twice, even across hosts, is a replay. */
    private final InMemoryNonceReplayGuard nonces = new InMemoryNonceReplayGuard();

    @AfterEach
    void stopServers() {
        servers.forEach(FakeKooGallery::close);
    }

    // --- the fake: usage-data verifying signature, ts and nonce with the protocol module ------------------

    /** Verifies like KooGallery (signature over the body as received, ±60 s, fresh nonce) and answers. */
    private Reply usageData(Received request) {
        try {
            SignatureVerifier.forScheme(SignatureScheme.USAGE, KEY).nonceGuard(nonces).build()
                    .verify(request.header("signature"), request.header("ts"), request.header("nonce"),
                            request.body());
        } catch (VerificationException e) {
            return Reply.json(400, "{\"error_code\":\"MKT.0102\",\"error_msg\":\"invalid body sign\"}");
        }
        if (!request.method().equals("POST") || !request.path().equals(UsagePushClient.PATH)
                || !"application/json".equals(request.header("Content-Type"))) {
            return Reply.json(400, "{\"error_code\":\"MKT.0101\",\"error_msg\":\"invalid parameter\"}");
        }
        UsagePushRequest push = ProtocolJson.read(request.body(), UsagePushRequest.class);
        if (push.usageRecords().size() > UsagePushRequest.MAX_RECORDS) {
            return Reply.json(500, "{\"error_code\":\"MKT.9003\",\"error_msg\":\"more than 1000 records\"}");
        }
        return SUCCESS;
    }

    private FakeKooGallery serve(FakeKooGallery.Responder responder) {
        FakeKooGallery server = FakeKooGallery.http(responder);
        servers.add(server);
        return server;
    }

    private FakeKooGallery usageServer() {
        return serve(this::usageData);
    }

    /** First {@code failures} requests get {@code failure}, then the real usage-data answer. */
    private FakeKooGallery failingFirst(int failures, Reply failure) {
        AtomicInteger count = new AtomicInteger();
        return serve(request -> count.incrementAndGet() <= failures ? failure : usageData(request));
    }

    private static UsagePushClient.Builder client(OpenApiEndpoint endpoint) {
        return UsagePushClient.builder(endpoint).key(KEY).backoff(Duration.ZERO);
    }

    private static UsagePushClient client(FakeKooGallery server) {
        return client(OpenApiEndpoint.of(server.baseUrl())).build();
    }

    private static UsageRecord record(int i) {
        return new UsageRecord(INSTANCE, HOUR, HOUR.minus(Duration.ofHours(1)), HOUR, new BigDecimal("1.5"),
                "sn-" + i, null);
    }

    private static List<UsageRecord> records(int count) {
        return IntStream.range(0, count).mapToObj(UsagePushClientTest::record).toList();
    }

    private static List<UsageRecord> sent(Received request) {
        return ProtocolJson.read(request.body(), UsagePushRequest.class).usageRecords();
    }

    // --- batches and signatures --------------------------------------------------------------------------

    @Test
    void twoThousandFiveHundredRecordsGoInThreeSignedBatchesOf1000And1000And500() {
        FakeKooGallery server = usageServer();
        List<UsageRecord> records = records(2500);

        UsagePushResult result = client(server).push(records);

        assertThat(server.received()).hasSize(3);
        assertThat(server.received()).extracting(request -> sent(request).size()).containsExactly(1000, 1000, 500);
        assertThat(server.received().stream().flatMap(request -> sent(request).stream()).toList())
                .isEqualTo(records);
        assertThat(result.batches()).hasSize(3).allSatisfy(batch -> {
            assertThat(batch).isInstanceOf(UsageBatchResult.Answered.class);
            assertThat(batch.accepted()).isTrue();
            assertThat(batch.attempts()).isEqualTo(1);
        });
        assertThat(result.batches()).extracting(UsageBatchResult::index).containsExactly(0, 1, 2);
        assertThat(result.allAccepted()).isTrue();
    }

    @Test
    void eachRequestCarriesTsFromTheClockAFreshNonceAndASignatureOverTheBytesSent() {
        Instant now = Instant.now();
        FakeKooGallery server = usageServer();
        UsagePushClient client = client(OpenApiEndpoint.of(server.baseUrl()))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).batchSize(2).build();

        client.push(records(4));

        List<Received> received = server.received();
        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("ts")).isEqualTo(Long.toString(now.toEpochMilli()));
            assertThat(request.header("signature")).isEqualTo(SignatureScheme.USAGE.sign(KEY, request.header("ts"),
                    request.header("nonce"), request.body()));
            assertThat(request.bodyText()).startsWith("{\"usage_records\":[{");
        });
        assertThat(received.get(0).header("nonce")).isNotEqualTo(received.get(1).header("nonce"));
    }

    @Test
    void aWrongKeyFailsTheFakesVerificationAndComesBackAsMkt0102() {
        FakeKooGallery server = usageServer();
        UsagePushClient wrongKey = client(OpenApiEndpoint.of(server.baseUrl())).key("some-other-key").build();

        UsagePushResult result = wrongKey.push(records(1));

        assertThat(result.batches()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Answered.class,
                batch -> assertThat(batch.errorCode()).isEqualTo(UsageErrorCode.Known.INVALID_BODY_SIGN));
    }

    // --- retries -----------------------------------------------------------------------------------------

    @Test
    void a503IsRetriedWithTheSameRecordsAndMeteringSnUnderANewNonce() {
        FakeKooGallery server = failingFirst(1, Reply.json(503, "<html>busy</html>"));
        List<UsageRecord> records = records(3);

        UsagePushResult result = client(server).push(records);

        List<Received> received = server.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(sent(received.get(1))).extracting(UsageRecord::meteringSn).containsExactly("sn-0", "sn-1", "sn-2");
        assertThat(received.get(1).header("nonce")).isNotEqualTo(received.get(0).header("nonce"));
        assertThat(result.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.accepted()).isTrue();
            assertThat(batch.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aSystemErrorMkt0999IsRetried() {
        FakeKooGallery server = failingFirst(2,
                Reply.json(500, "{\"error_code\":\"MKT.0999\",\"error_msg\":\"system internal error\"}"));

        UsagePushResult result = client(server).push(records(1));

        assertThat(server.received()).hasSize(3);
        assertThat(result.allAccepted()).isTrue();
    }

    @Test
    void retriesStopAtMaxAttemptsAndTheLastVerdictIsReported() {
        FakeKooGallery server = failingFirst(10,
                Reply.json(500, "{\"error_code\":\"MKT.0999\",\"error_msg\":\"system internal error\"}"));
        UsagePushClient client = client(OpenApiEndpoint.of(server.baseUrl())).maxAttempts(2).build();

        UsagePushResult result = client.push(records(1));

        assertThat(server.received()).hasSize(2);
        assertThat(result.batches()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Answered.class,
                batch -> {
                    assertThat(batch.errorCode()).isEqualTo(UsageErrorCode.Known.SYSTEM_ERROR);
                    assertThat(batch.attempts()).isEqualTo(2);
                });
    }

    @Test
    void aDefinitive500RejectionIsTheVerdictAndNotRetried() {
        FakeKooGallery server = serve(request ->
                Reply.json(500, "{\"error_code\":\"MKT.9001\",\"error_msg\":\"instance ID not found\"}"));

        UsagePushResult result = client(server).push(records(1));

        assertThat(server.received()).hasSize(1);
        assertThat(result.batches()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Answered.class,
                batch -> {
                    assertThat(batch.errorCode()).isEqualTo(UsageErrorCode.Known.INSTANCE_NOT_FOUND);
                    assertThat(batch.httpStatus()).isEqualTo(500);
                    assertThat(batch.errorMsg()).isEqualTo("instance ID not found");
                });
    }

    @Test
    void aHostThatNeverAnswersLeavesTheBatchUnconfirmedWithItsRecordsToResend() {
        UsagePushClient client = client(OpenApiEndpoint.of(FakeKooGallery.unreachableBaseUrl())).build();
        List<UsageRecord> records = records(2);

        UsagePushResult result = client.push(records);

        assertThat(result.batches()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Unconfirmed.class,
                batch -> {
                    assertThat(batch.attempts()).isEqualTo(UsagePushClient.DEFAULT_MAX_ATTEMPTS);
                    assertThat(batch.reason()).contains("unreachable");
                });
        assertThat(result.unconfirmedRecords()).isEqualTo(records);
        assertThat(result.allAccepted()).isFalse();
    }

    @Test
    void a5xxOnThePrimaryIsTriedOnTheBackupBeforeAnyRetry() {
        FakeKooGallery primary = serve(request -> Reply.json(502, ""));
        FakeKooGallery backup = usageServer();

        UsagePushResult result = client(OpenApiEndpoint.of(primary.baseUrl(), backup.baseUrl())).build()
                .push(records(5));

        assertThat(primary.received()).hasSize(1);
        assertThat(backup.received()).hasSize(1);
        assertThat(backup.received().get(0).body()).isEqualTo(primary.received().get(0).body());
        assertThat(result.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.accepted()).isTrue();
            assertThat(batch.attempts()).isEqualTo(1);
        });
    }

    @Test
    void anUnreachablePrimaryFallsBackToTheBackup() {
        FakeKooGallery backup = usageServer();

        UsagePushResult result = client(OpenApiEndpoint.of(FakeKooGallery.unreachableBaseUrl(), backup.baseUrl()))
                .build().push(records(1));

        assertThat(result.allAccepted()).isTrue();
    }

    // --- verdicts ----------------------------------------------------------------------------------------

    @Test
    void aPlatformRejectionMkt0102IsReportedNotThrownAndNotRetried() {
        FakeKooGallery server = serve(request ->
                Reply.json(400, "{\"error_code\":\"MKT.0102\",\"error_msg\":\"invalid body sign\"}"));

        UsagePushResult result = client(server).push(records(1));

        assertThat(server.received()).hasSize(1);
        assertThat(result.allAccepted()).isFalse();
        assertThat(result.notAccepted()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Answered.class,
                batch -> {
                    assertThat(batch.errorCode().code()).isEqualTo("MKT.0102");
                    assertThat(batch.errorMsg()).isEqualTo("invalid body sign");
                    assertThat(batch.httpStatus()).isEqualTo(400);
                    assertThat(batch.recordErrors()).isEmpty();
                });
    }

    @Test
    void perRecordErrorsInTheAnswerAreSurfacedWithTheirMeteringSn() {
        FakeKooGallery server = serve(request -> Reply.json(500, "{\"error_code\":\"MKT.9002\","
                + "\"error_msg\":\"invalid usage entities\",\"failed_records\":["
                + "{\"metering_sn\":\"sn-1\",\"error_code\":\"005\",\"error_msg\":\"duplicate record id\"},"
                + "{\"metering_sn\":\"sn-2\",\"error_code\":\"007\"}]}"));

        UsagePushResult result = client(server).push(records(3));

        assertThat(result.recordErrors()).containsExactly(
                new UsageRecordError("sn-1", UsageRecordErrorCode.Known.DUPLICATE_METERING_SN, "duplicate record id"),
                new UsageRecordError("sn-2", UsageRecordErrorCode.Known.RECORD_TIME_EXPIRED, null));
        assertThat(result.batches().get(0).accepted()).isFalse();
    }

    @Test
    void successWithRecordErrorsIsNotFullyAccepted() {
        FakeKooGallery server = serve(request -> Reply.json(200, "{\"error_code\":\"MKT.0000\","
                + "\"error_msg\":\"success\",\"data\":{\"records\":[{\"meteringSn\":\"sn-0\",\"errorCode\":10}]}}"));

        UsagePushResult result = client(server).push(records(1));

        assertThat(result.recordErrors()).singleElement()
                .satisfies(error -> assertThat(error.code()).isEqualTo(UsageRecordErrorCode.Known.DUPLICATE_RECORD));
        assertThat(result.allAccepted()).isFalse();
    }

    @Test
    void anAnswerThatIsNotAUsageAnswerLeavesTheBatchUnconfirmed() {
        FakeKooGallery server = serve(request -> Reply.json(200, "<html>ok</html>"));

        UsagePushResult result = client(server).push(records(1));

        assertThat(result.batches()).singleElement().isInstanceOfSatisfying(UsageBatchResult.Unconfirmed.class,
                batch -> assertThat(batch.reason()).contains("HTTP 200").contains("not a usage-push answer"));
    }

    // --- validation --------------------------------------------------------------------------------------

    @Test
    void anInvalidRecordIsRejectedBeforeAnyRequestWithAClearMessage() {
        FakeKooGallery server = usageServer();
        List<UsageRecord> records = new ArrayList<>(records(1500));
        records.set(1200, new UsageRecord(INSTANCE, "20240306T020000Z", "20240306T010000Z", "20240306T020000Z",
                new BigDecimal("0"), "sn-x", null, Map.of()));

        assertThatThrownBy(() -> client(server).push(records))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was sent")
                .hasMessageContaining("usage_records[1200].usage_value")
                .hasMessageContaining("(003)");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aRepeatedMeteringSnOrANullRecordIsRejectedBeforeAnyRequest() {
        FakeKooGallery server = usageServer();
        List<UsageRecord> records = new ArrayList<>(List.of(record(1), record(2), record(1)));
        records.add(null);

        assertThatThrownBy(() -> client(server).push(records))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage_records[2].metering_sn: same as usage_records[0]")
                .hasMessageContaining("usage_records[3]: missing");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anEmptyPushSendsNothing() {
        FakeKooGallery server = usageServer();

        UsagePushResult result = client(server).push(List.of());

        assertThat(result.batches()).isEmpty();
        assertThat(result.allAccepted()).isTrue();
        assertThat(server.received()).isEmpty();
    }

    // --- AK/SK and configuration -------------------------------------------------------------------------

    @Test
    void withApigCredentialsTheRequestIsAlsoAkSkSigned() {
        String ak = "QTWAOYTTINDUT2QVKYUC";
        String sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
        ApigVerifier gateway = ApigVerifier.of(AccessKeys.of(ak, sk));
        FakeKooGallery server = serve(request -> {
            gateway.verify(request.asApigRequest());
            return usageData(request);
        });

        UsagePushResult result = client(OpenApiEndpoint.of(server.baseUrl())).apigCredentials(ak, sk).build()
                .push(records(2));

        assertThat(result.allAccepted()).isTrue();
        assertThat(server.received().get(0).header("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + ak);
    }

    @Test
    void buildChecksTheKeyAndTheRetryAndBatchSettings() {
        OpenApiEndpoint endpoint = OpenApiEndpoint.of("http://127.0.0.1:1");

        assertThatThrownBy(() -> UsagePushClient.builder(endpoint).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> client(endpoint).maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> client(endpoint).batchSize(1001).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> client(endpoint).backoff(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
    }

    @Test
    void toStringNeverShowsTheKeys() {
        UsagePushClient client = client(OpenApiEndpoint.CHINA).apigCredentials("MYACCESSKEY", "MYSECRETKEY").build();

        assertThat(client.toString()).doesNotContain(KEY).doesNotContain("MYACCESSKEY").doesNotContain("MYSECRETKEY");
    }
}
