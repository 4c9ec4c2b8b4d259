package org.opengallery.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.metering.MeteredInstance;
import org.opengallery.marketplace.metering.MeteredUsage;
import org.opengallery.marketplace.metering.MeteringService;
import org.opengallery.marketplace.metering.UsageCharge;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.UsageBatchResult;
import org.opengallery.sellerkit.client.UsagePushClient;
import org.opengallery.sellerkit.client.UsagePushResult;
import org.opengallery.sellerkit.client.UsageRecordError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
@Import(InMemoryPorts.All.class)
class UsagePushApiTest {

    static final BigDecimal PRICE = new BigDecimal("0.0700");

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired InMemoryPorts.Instances instances;
    @Autowired InMemoryPorts.Charges charges;
    @Autowired MeteringService metering;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    String run;
    String seller;
    String key;
    String oldKey;
    String otherKey;
    String instance;
    String othersInstance;
    Instant begin;

    @BeforeEach
    void sellersAndInstances() {
        run = UUID.randomUUID().toString().substring(0, 8);
        seller = "seller-" + run;
        key = "basic-key-" + UUID.randomUUID();
        oldKey = "old-basic-key-" + UUID.randomUUID();
        otherKey = "other-key-" + UUID.randomUUID();
        instance = "inst-" + run;
        othersInstance = "other-inst-" + run;
        instances.add(instance(instance, seller, List.of(key, oldKey), ChargingMode.Known.ON_DEMAND,
                MeteredInstance.Status.RUNNING));
        instances.add(instance(othersInstance, "other-seller-" + run, List.of(otherKey), ChargingMode.Known.ON_DEMAND,
                MeteredInstance.Status.RUNNING));
        begin = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    }

    MeteredInstance instance(String id, String owner, List<String> keys, ChargingMode mode,
            MeteredInstance.Status status) {
        return new MeteredInstance(id, owner, keys, "prod-" + run, mode, status, PRICE, "buyer-" + run);
    }

    UsageRecord record(String instanceId, String sn, String value) {
        return new UsageRecord(instanceId, begin.plus(Duration.ofMinutes(70)), begin, begin.plus(Duration.ofHours(1)),
                new BigDecimal(value), sn, null);
    }

    UsagePushClient client(String signingKey) {
        return client(signingKey, clock, 1);
    }

    UsagePushClient client(String signingKey, Clock clientClock, int attempts) {
        return UsagePushClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port)).key(signingKey)
                .clock(clientClock).maxAttempts(attempts).backoff(Duration.ZERO).build();
    }

    // ---- accepted usage -------------------------------------------------------------------------------------

    @Test
    void acceptedUsageIsStoredAndRatedIntoTheBuyersChargesExactly() {
        UsagePushResult result = client(key).push(List.of(record(instance, "sn-1-" + run, "1.2345"),
                record(instance, "sn-2-" + run, "3")));

        assertThat(result.allAccepted()).isTrue();
        List<UsageCharge> charged = charges.of(instance);
        assertThat(charged).extracting(UsageCharge::amount)
                .containsExactly(new BigDecimal("0.08641500"), new BigDecimal("0.2100"));
        assertThat(charged).allSatisfy(c -> {
            assertThat(c.buyerId()).isEqualTo("buyer-" + run);
            assertThat(c.sellerId()).isEqualTo(seller);
            assertThat(c.unitPrice()).isEqualByComparingTo(PRICE);
        });
        assertThat(charged).extracting(UsageCharge::chargeId).doesNotHaveDuplicates();
        List<MeteredUsage> usage = metering.usageOf(instance);
        assertThat(usage).extracting(MeteredUsage::meteringSn).containsExactly("sn-1-" + run, "sn-2-" + run);
        assertThat(usage.get(0).usageValue()).isEqualByComparingTo("1.2345");
        assertThat(usage.get(0).amount()).isEqualByComparingTo("0.086415");
        assertThat(usage.get(0).beginTime()).isEqualTo(begin);
        assertThat(metering.chargedFor(instance)).isEqualByComparingTo("0.296415");
        assertThat(metering.chargesOfBuyer("buyer-" + run)).containsOnlyKeys(instance);
    }

    @Test
    void anyBasicKeyOfTheOwningSellerIsAccepted() {
        assertThat(client(oldKey).push(List.of(record(instance, "sn-" + run, "1"))).allAccepted()).isTrue();
        assertThat(charges.of(instance)).hasSize(1);
    }

    @Test
    void aRetriedPushWithTheSameMeteringSnIsIdempotent() {
        List<UsageRecord> records = List.of(record(instance, "sn-" + run, "2.5"));

        assertThat(client(key).push(records).allAccepted()).isTrue();
        assertThat(client(key).push(records).allAccepted()).isTrue();

        assertThat(charges.of(instance)).hasSize(1);
        assertThat(metering.usageOf(instance)).hasSize(1);
        assertThat(metering.chargedFor(instance)).isEqualByComparingTo("0.175");
    }

    @Test
    void aDuplicateMeteringSnIsRejectedAndNotChargedTwice() {
        assertThat(client(key).push(List.of(record(instance, "sn-" + run, "1"))).allAccepted()).isTrue();

        UsagePushResult second = client(key).push(List.of(record(instance, "sn-" + run, "7")));

        assertThat(second.allAccepted()).isFalse();
        assertThat(second.recordErrors()).extracting(UsageRecordError::meteringSn, e -> e.code().code())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sn-" + run, "005"));
        assertThat(charges.of(instance)).extracting(UsageCharge::usageValue).containsExactly(new BigDecimal("1"));
        assertThat(metering.usageOf(instance)).singleElement()
                .satisfies(u -> assertThat(u.usageValue()).isEqualByComparingTo("1"));
    }

    @Test
    void aMeteringSnRepeatedWithinOnePushIsRejected() throws Exception {
        JsonNode answer = rejected(push(key, body(rec(instance, "sn-" + run, "1"), rec(instance, "sn-" + run, "1"))));

        assertRecordError(answer, 1, "005");
        assertThat(charges.of(instance)).hasSize(1);
    }

    @Test
    void aFailedChargeStoresNothingAndTheKitsRetryChargesOnce() {
        charges.failNext();

        UsagePushResult result = client(key, clock, 2).push(List.of(record(instance, "sn-" + run, "1")));

        assertThat(result.allAccepted()).isTrue();
        assertThat(result.batches().get(0).attempts()).isEqualTo(2);
        assertThat(charges.of(instance)).hasSize(1);
        assertThat(metering.usageOf(instance)).hasSize(1);
    }

    // ---- per-record codes -----------------------------------------------------------------------------------

    @Test
    void aRecordOfAnUnknownInstanceIsRejectedWith001() throws Exception {
        JsonNode answer = rejected(push(key, body(rec(instance, "sn-a-" + run, "1"), rec("nope-" + run, "sn-b-" + run,
                "1"))));

        assertRecordError(answer, 1, "001");
        assertThat(metering.usageOf(instance)).hasSize(1);
    }

    @Test
    void aPushNamingOnlyUnknownInstancesIsRefusedWithMkt9001() throws Exception {
        HttpResponse<String> answer = push(key, body(rec("nope-" + run, "sn-" + run, "1")));

        assertPlatformCode(answer, 500, "MKT.9001");
    }

    @Test
    void aBadTimeFormatIsRejectedWith002() throws Exception {
        Map<String, Object> bad = rec(instance, "sn-" + run, "1");
        bad.put("begin_time", "2026-11-25 08:00:00");

        assertRecordError(rejected(push(key, body(bad))), 0, "002");
        assertThat(metering.usageOf(instance)).isEmpty();
    }

    @Test
    void aBadUsageValueIsRejectedWith003() throws Exception {
        List<String> values = List.of("0", "-1", "1.23456", "abc");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(rec(instance, "sn-" + i + "-" + run, values.get(i)));
        }

        JsonNode answer = rejected(push(key, body(records.toArray(Map[]::new))));

        for (int i = 0; i < values.size(); i++) {
            assertRecordError(answer, i, "003");
        }
        assertThat(charges.of(instance)).isEmpty();
    }

    @Test
    void aMissingMeteringSnIsRejectedWith004() throws Exception {
        Map<String, Object> bad = rec(instance, "x", "1");
        bad.remove("metering_sn");

        assertRecordError(rejected(push(key, body(bad))), 0, "004");
    }

    @Test
    void anExpiredRecordTimeIsRejectedWith007() throws Exception {
        Map<String, Object> old = rec(instance, "sn-" + run, "1");
        old.put("record_time", iso(clock.instant().minus(Duration.ofDays(22))));

        assertRecordError(rejected(push(key, body(old))), 0, "007");
    }

    @Test
    void anotherSellersInstanceIsRejectedWith009() throws Exception {
        JsonNode answer = rejected(push(key, body(rec(instance, "sn-a-" + run, "1"),
                rec(othersInstance, "sn-b-" + run, "1"))));

        assertRecordError(answer, 1, "009");
        assertThat(charges.of(othersInstance)).isEmpty();
        assertThat(charges.of(instance)).hasSize(1);
    }

    @Test
    void anInvalidTimeRangeIsRejectedWith011() throws Exception {
        Map<String, Object> reversed = rec(instance, "sn-a-" + run, "1");
        reversed.put("begin_time", iso(begin.plus(Duration.ofHours(1))));
        reversed.put("end_time", iso(begin));
        Map<String, Object> future = rec(instance, "sn-b-" + run, "1");
        future.put("end_time", iso(clock.instant().plus(Duration.ofHours(1))));
        future.put("record_time", iso(clock.instant().plus(Duration.ofHours(1))));

        JsonNode answer = rejected(push(key, body(reversed, future)));

        assertRecordError(answer, 0, "011");
        assertRecordError(answer, 1, "011");
    }

    @Test
    void aPeriodicInstanceIsRejectedWith012() throws Exception {
        String periodic = "periodic-" + run;
        instances.add(instance(periodic, seller, List.of(key), ChargingMode.Known.PERIOD,
                MeteredInstance.Status.RUNNING));

        UsagePushResult result = client(key).push(List.of(record(periodic, "sn-" + run, "1")));

        assertThat(result.recordErrors()).singleElement().satisfies(e -> assertThat(e.code())
                .isEqualTo(UsageRecordErrorCode.Known.NOT_PAY_PER_USE));
        assertThat(charges.of(periodic)).isEmpty();
    }

    @Test
    void aFrozenInstanceIsRejectedWith013() {
        String frozen = "frozen-" + run;
        instances.add(instance(frozen, seller, List.of(key), ChargingMode.Known.ON_DEMAND,
                MeteredInstance.Status.FROZEN));

        UsagePushResult result = client(key).push(List.of(record(frozen, "sn-" + run, "1")));

        assertThat(result.recordErrors()).singleElement().satisfies(e -> assertThat(e.code())
                .isEqualTo(UsageRecordErrorCode.Known.ABNORMAL_INSTANCE_STATUS));
        assertThat(charges.of(frozen)).isEmpty();
    }

    // ---- push-level codes -----------------------------------------------------------------------------------

    @Test
    void moreThanAThousandRecordsAreRefusedWithMkt9003() throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            records.add(rec(instance, "sn-" + i + "-" + run, "1"));
        }

        assertPlatformCode(push(key, body(records.toArray(Map[]::new))), 500, "MKT.9003");
        assertThat(metering.usageOf(instance)).isEmpty();
    }

    @Test
    void aThousandRecordsAreAccepted() throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(rec(instance, "sn-" + i + "-" + run, "1"));
        }

        assertPlatformCode(push(key, body(records.toArray(Map[]::new))), 200, "MKT.0000");
        assertThat(metering.usageOf(instance)).hasSize(1000);
    }

    @Test
    void aBeginTimeMoreThan21DaysAgoRefusesThePushWithMkt9004() {
        Instant old = clock.instant().minus(Duration.ofDays(21)).minus(Duration.ofHours(1));
        UsageRecord tooOld = new UsageRecord(instance, clock.instant().minus(Duration.ofMinutes(5)), old,
                old.plus(Duration.ofHours(1)), BigDecimal.ONE, "sn-old-" + run, null);

        UsagePushResult result = client(key).push(List.of(record(instance, "sn-ok-" + run, "1"), tooOld));

        UsageBatchResult.Answered batch = (UsageBatchResult.Answered) result.batches().get(0);
        assertThat(batch.httpStatus()).isEqualTo(500);
        assertThat(batch.errorCode().code()).isEqualTo("MKT.9004");
        assertThat(metering.usageOf(instance)).isEmpty();
    }

    @Test
    void aBeginTimeWithin21DaysIsAccepted() {
        Instant old = clock.instant().minus(Duration.ofDays(21)).plus(Duration.ofHours(1));
        UsageRecord oldButValid = new UsageRecord(instance, clock.instant().minus(Duration.ofMinutes(5)), old,
                old.plus(Duration.ofHours(1)), BigDecimal.ONE, "sn-" + run, null);

        assertThat(client(key).push(List.of(oldButValid)).allAccepted()).isTrue();
    }

    @Test
    void aPushSignedWithAKeyThatIsNotTheOwningSellersIsRefusedWithMkt0102() {
        for (String wrong : List.of(otherKey, "not-a-key-of-anyone")) {
            UsageBatchResult.Answered batch = (UsageBatchResult.Answered) client(wrong)
                    .push(List.of(record(instance, "sn-" + run, "1"))).batches().get(0);
            assertThat(batch.httpStatus()).isEqualTo(400);
            assertThat(batch.errorCode().code()).isEqualTo("MKT.0102");
        }
        assertThat(charges.of(instance)).isEmpty();
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedWithMkt0102() throws Exception {
        String signedBody = body(rec(instance, "sn-" + run, "1"));
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = SignatureScheme.USAGE.sign(key, ts, nonce, signedBody.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = send(body(rec(instance, "sn-" + run, "1000")), signature, ts, nonce);

        assertPlatformCode(answer, 400, "MKT.0102");
        assertThat(charges.of(instance)).isEmpty();
    }

    @Test
    void aStaleTsIsRefusedWithMkt0100() {
        for (Duration skew : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6))) {
            UsageBatchResult.Answered batch = (UsageBatchResult.Answered) client(key, Clock.offset(clock, skew), 1)
                    .push(List.of(record(instance, "sn-" + run, "1"))).batches().get(0);
            assertThat(batch.errorCode().code()).isEqualTo("MKT.0100");
            assertThat(batch.errorMsg()).contains("ts");
        }
        assertThat(charges.of(instance)).isEmpty();
    }

    @Test
    void aTsWithinFiveMinutesIsAccepted() {
        UsagePushResult result = client(key, Clock.offset(clock, Duration.ofMinutes(-4)), 1)
                .push(List.of(record(instance, "sn-" + run, "1")));

        assertThat(result.allAccepted()).isTrue();
    }

    @Test
    void aReplayedRequestIsRefusedWithMkt0199AndChargedOnce() throws Exception {
        String body = body(rec(instance, "sn-" + run, "1"));
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = SignatureScheme.USAGE.sign(key, ts, nonce, body.getBytes(StandardCharsets.UTF_8));

        assertPlatformCode(send(body, signature, ts, nonce), 200, "MKT.0000");
        assertPlatformCode(send(body, signature, ts, nonce), 400, "MKT.0199");
        assertThat(charges.of(instance)).hasSize(1);
    }

    @Test
    void theNonceGuardIsSharedByEveryNodeThroughTheDatabase() {
        JdbcNonceReplayGuard node1 = new JdbcNonceReplayGuard(jdbc, clock);
        JdbcNonceReplayGuard node2 = new JdbcNonceReplayGuard(jdbc, clock);
        String nonce = UUID.randomUUID().toString();
        Instant forgetAfter = clock.instant().plus(Duration.ofMinutes(5));

        assertThat(node1.firstUse(nonce, forgetAfter)).isTrue();
        assertThat(node2.firstUse(nonce, forgetAfter)).isFalse();
        assertThat(node1.firstUse(nonce, forgetAfter)).isFalse();
    }

    @Test
    void missingSignatureHeadersAreRefusedWithMkt0101() throws Exception {
        String body = body(rec(instance, "sn-" + run, "1"));
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = SignatureScheme.USAGE.sign(key, ts, nonce, body.getBytes(StandardCharsets.UTF_8));

        assertPlatformCode(send(body, null, ts, nonce), 400, "MKT.0101");
        assertPlatformCode(send(body, signature, null, nonce), 400, "MKT.0101");
        assertPlatformCode(send(body, signature, ts, null), 400, "MKT.0101");
        assertPlatformCode(send(body, signature, "yesterday", nonce), 500, "MKT.0100");
        assertThat(charges.of(instance)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAUsagePushIsRefusedWithMkt0101() throws Exception {
        for (String body : List.of("not json", "[]", "{}", "{\"usage_records\":[]}", "{\"usage_records\":[1]}",
                "{\"usage_records\":[" + ProtocolJson.mapper().writeValueAsString(rec(instance, "sn", "1"))
                        + "],\"extra\":1}")) {
            assertPlatformCode(push(key, body), 400, "MKT.0101");
        }
    }

    @Test
    void answersNeverCarryTheKey() throws Exception {
        HttpResponse<String> answer = push("not-the-key", body(rec(instance, "sn-" + run, "1")));

        assertThat(answer.body()).doesNotContain(key).doesNotContain(oldKey);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    Map<String, Object> rec(String instanceId, String sn, String value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("instance_id", instanceId);
        r.put("record_time", iso(begin.plus(Duration.ofMinutes(70))));
        r.put("begin_time", iso(begin));
        r.put("end_time", iso(begin.plus(Duration.ofHours(1))));
        r.put("usage_value", value);
        r.put("metering_sn", sn);
        return r;
    }

    @SafeVarargs
    static String body(Map<String, Object>... records) throws Exception {
        return ProtocolJson.mapper().writeValueAsString(Map.of("usage_records", List.of(records)));
    }

    static String iso(Instant t) {
        return ProtocolTime.formatIsoBasic(t);
    }

    HttpResponse<String> push(String signingKey, String body) throws Exception {
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        return send(body, SignatureScheme.USAGE.sign(signingKey, ts, nonce, body.getBytes(StandardCharsets.UTF_8)),
                ts, nonce);
    }

    HttpResponse<String> send(String body, String signature, String ts, String nonce) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + UsagePushController.PATH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("signature", signature);
        }
        if (ts != null) {
            request.header("ts", ts);
        }
        if (nonce != null) {
            request.header("nonce", nonce);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode rejected(HttpResponse<String> answer) throws Exception {
        assertPlatformCode(answer, 500, "MKT.9002");
        return ProtocolJson.mapper().readTree(answer.body());
    }

    static void assertPlatformCode(HttpResponse<String> answer, int status, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(ProtocolJson.mapper().readTree(answer.body()).get("error_code").asText()).as(answer.body())
                .isEqualTo(code);
    }

    static void assertRecordError(JsonNode answer, int index, String code) {
        JsonNode match = null;
        for (JsonNode item : answer.get("error_records")) {
            if (item.get("index").asInt() == index) {
                match = item;
            }
        }
        assertThat(match).as("error for record " + index + " in " + answer).isNotNull();
        assertThat(match.get("error_code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(match.get("error_msg").asText()).isNotBlank();
    }
}
