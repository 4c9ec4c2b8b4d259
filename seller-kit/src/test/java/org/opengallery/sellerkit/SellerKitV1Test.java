package org.opengallery.sellerkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.opengallery.sellerkit.Platform.code;
import static org.opengallery.sellerkit.Platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.InstanceState;

class SellerKitV1Test {

    static final String KEY = "v1-seller-key";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    final RecordingSeller seller = new RecordingSeller();
    final InMemoryKitStore store = new InMemoryKitStore();
    final Platform platform = new Platform(KEY, CLOCK);
    final CredentialCipher cipher = CredentialCipher.forSellerKey(KEY, EncryptType.AES_128);
    SellerKit kit = SellerKit.builder().v1Key(KEY).encryptType(EncryptType.AES_128).clock(CLOCK).seller(seller)
            .store(store).asyncBudget(Duration.ofMillis(300)).build();

    @AfterEach
    void close() {
        kit.close();
    }

    Map<String, String> newInstance(String orderId, String businessId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("activity", "newInstance");
        p.put("businessId", businessId);
        p.put("orderId", orderId);
        p.put("customerId", "cust-1");
        p.put("customerName", "Li Lei");
        p.put("mobilePhone", cipher.encrypt("13800000000"));
        p.put("email", cipher.encrypt("li.lei@example.com"));
        p.put("productId", "00301-666666-0--0");
        p.put("skuCode", "sku-basic");
        p.put("expireTime", "20271125080000");
        p.put("periodType", "year");
        p.put("periodNumber", "1");
        p.put("testFlag", "1");
        return p;
    }

    @Test
    void everyAnswerCarriesABodySignOverTheExactBytes() {
        KitResponse created = kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        assertThatCode(() -> platform.verifyBodySign(created)).doesNotThrowAnyException();
        KitResponse refused = kit.handle(new Platform("wrong", CLOCK).v1(newInstance("CS-V1", "biz-1")));
        assertThat(code(refused)).isEqualTo("000001");
        assertThatCode(() -> platform.verifyBodySign(refused)).doesNotThrowAnyException();
    }

    @Test
    void credentialsAreEncryptedWithTheProductsEncryptTypeAndFitTheField() {
        KitResponse created = kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        JsonNode body = json(created);
        assertThat(code(created)).isEqualTo("000000");
        assertThat(body.path("encryptType").asText()).isEqualTo("2");
        String user = body.path("appInfo").path("userName").asText();
        String password = body.path("appInfo").path("password").asText();
        assertThat(user.length()).isLessThanOrEqualTo(128);
        assertThat(cipher.decrypt(user)).isEqualTo("admin");
        assertThat(cipher.decrypt(password)).isEqualTo("Init#Pass1");
        assertThat(body.path("appInfo").path("frontEndUrl").asText()).isEqualTo("https://notes.example/t/biz-1");
    }

    @Test
    void theBuyersPhoneAndEmailReachTheSellerDecrypted() {
        kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        NewInstance order = seller.created.get(0);
        assertThat(order.buyer().mobilePhone()).isEqualTo("13800000000");
        assertThat(order.buyer().email()).isEqualTo("li.lei@example.com");
        assertThat(order.productId()).isEqualTo("00301-666666-0--0");
        assertThat(order.expireTime()).isEqualTo(Instant.parse("2027-11-25T08:00:00Z"));
        assertThat(order.v1Parameters()).containsEntry("customerName", "Li Lei");
    }

    @Test
    void anEmailThatCannotBeDecryptedIs000002AndNothingIsCreated() {
        Map<String, String> p = newInstance("CS-V1", "biz-1");
        p.put("email", "0123456789abcdefNOTBASE64!!");
        KitResponse response = kit.handle(platform.v1(p));
        assertThat(code(response)).isEqualTo("000002");
        assertThat(json(response).path("resultMsg").asText()).contains("email");
        assertThat(seller.newInstanceCalls).hasValue(0);
    }

    @Test
    void theSameOrderReturnsTheSameInstanceAndCredentials() {
        KitResponse first = kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        KitResponse again = kit.handle(platform.v1(newInstance("CS-V1", "biz-2")));
        assertThat(json(again).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(cipher.decrypt(json(again).path("appInfo").path("password").asText())).isEqualTo("Init#Pass1");
        assertThat(json(first).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void aPlusInABase64ValueSentUnencodedStillVerifiesAndDecrypts() {
        Map<String, String> p = newInstance("CS-V1", "biz-1");
        String email;
        do {
            email = cipher.encrypt("li.lei@example.com");
        } while (email.indexOf('+') < 0);
        p.put("email", email);
        p.put("timeStamp", "20261125080000000");
        p.put("authToken", AuthToken.compute(KEY, p));
        StringBuilder raw = new StringBuilder();
        p.forEach((n, v) -> raw.append(raw.length() == 0 ? "" : "&").append(n).append('=')
                .append(n.equals("email") || n.equals("authToken") ? v : org.opengallery.protocol.QueryString.encode(v)));
        KitResponse response = kit.handle(new KitRequest("GET", "/saasproduce", raw.toString(), null, null));
        assertThat(code(response)).isEqualTo("000000");
        assertThat(seller.created.get(0).buyer().email()).isEqualTo("li.lei@example.com");
    }

    @Test
    void credentialsTooLongForTheFieldAreRefusedClearly() {
        seller.password = "p".repeat(100);
        KitResponse response = kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        assertThat(code(response)).isEqualTo("000005");
        assertThat(json(response).path("resultMsg").asText()).contains("128");
    }

    @Test
    void aSlowV1CreateAsksThePlatformToRetryUnlessTheSellerOptedIntoAsync() throws Exception {
        seller.provisioningTime = Duration.ofMillis(800);
        KitResponse first = kit.handle(platform.v1(newInstance("CS-SLOW", "biz-1")));
        assertThat(code(first)).isEqualTo("000005");
        assertThat(json(first).path("resultMsg").asText()).contains("retry");
        Thread.sleep(900);
        KitResponse retry = kit.handle(platform.v1(newInstance("CS-SLOW", "biz-2")));
        assertThat(code(retry)).isEqualTo("000000");
        assertThat(json(retry).path("instanceId").asText()).isEqualTo("biz-1");
        assertThat(seller.newInstanceCalls).hasValue(1);
    }

    @Test
    void aSellerOptedIntoAsyncV1CreatesGets000004() {
        kit.close();
        kit = SellerKit.builder().v1Key(KEY).encryptType(EncryptType.AES_128).clock(CLOCK).seller(seller).store(store)
                .asyncBudget(Duration.ofMillis(100)).v1AsyncCreate(true).build();
        seller.provisioningTime = Duration.ofMillis(500);
        assertThat(code(kit.handle(platform.v1(newInstance("CS-SLOW", "biz-1"))))).isEqualTo("000004");
    }

    @Test
    void queryAnswersEncryptedCredentialsAndTheEncryptType() {
        kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        KitResponse response = kit.handle(platform.v1(Map.of("activity", "queryInstance", "instanceId", "biz-1")));
        JsonNode info = json(response).path("info").get(0);
        assertThat(json(response).path("encryptType").asText()).isEqualTo("2");
        assertThat(cipher.decrypt(info.path("appInfo").path("userName").asText())).isEqualTo("admin");
    }

    @Test
    void renewalExpiryReleaseAndStatusChangeMapOntoTheLifecycle() {
        kit.handle(platform.v1(newInstance("CS-V1", "biz-1")));
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "refreshInstance", "instanceId", "biz-1",
                "orderId", "CS-R", "expireTime", "20281125080000"))))).isEqualTo("000000");
        assertThat(store.instance("biz-1").orElseThrow().expireTime()).isEqualTo(Instant.parse("2028-11-25T08:00:00Z"));
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "expireInstance", "instanceId", "biz-1")))))
                .isEqualTo("000000");
        assertThat(store.instance("biz-1").orElseThrow().state()).isEqualTo(InstanceState.FROZEN);
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "instanceStatus", "instanceId", "biz-1",
                "instanceStatus", "NORMAL"))))).isEqualTo("000000");
        assertThat(store.instance("biz-1").orElseThrow().state()).isEqualTo(InstanceState.ACTIVE);
        InstanceStatusUpdate unfreeze = (InstanceStatusUpdate) seller.calls.stream()
                .filter(InstanceStatusUpdate.class::isInstance).reduce((a, b) -> b).orElseThrow();
        assertThat(unfreeze.status()).isEqualTo(InstanceStatusChange.UNFREEZE);
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "upgrade", "instanceId", "biz-1", "orderId", "CS-UP",
                "productId", "P2", "skuCode", "sku-pro"))))).isEqualTo("000000");
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "releaseInstance", "instanceId", "biz-1")))))
                .isEqualTo("000000");
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "releaseInstance", "instanceId", "biz-1")))))
                .isEqualTo("000000");
        assertThat(seller.callsOf(InstanceRelease.class)).isEqualTo(1);
    }

    @Test
    void getLicenseIssuesTheSameLicenceForTheSameOrder() {
        Map<String, String> p = new LinkedHashMap<>(Map.of("activity", "getLicense", "customerId", "c1",
                "businessId", "biz-L", "orderId", "CS-LIC", "productId", "P-LIC"));
        KitResponse first = kit.handle(platform.v1(p));
        assertThat(code(first)).isEqualTo("000000");
        assertThat(json(first).path("license").asText()).isEqualTo("LIC-CS-LIC");
        p.put("businessId", "biz-L2");
        assertThat(json(kit.handle(platform.v1(p))).path("license").asText()).isEqualTo("LIC-CS-LIC");
        assertThat(seller.calls.stream().filter(NewInstance.class::isInstance).count()).isEqualTo(1);
    }

    @Test
    void thePostFormWithTheTokenInAHeaderIsAccepted() {
        Map<String, String> p = newInstance("CS-POST", "biz-P");
        p.put("timeStamp", "20261125080000000");
        String token = AuthToken.compute(KEY, p);
        StringBuilder body = new StringBuilder("{");
        p.forEach((n, v) -> body.append(body.length() == 1 ? "" : ",").append('"').append(n).append("\":\"").append(v).append('"'));
        body.append('}');
        KitResponse response = kit.handle(new KitRequest("POST", "/saasproduce", null, Map.of("authToken", token),
                body.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(code(response)).isEqualTo("000000");
        assertThatCode(() -> platform.verifyBodySign(response)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownV1ActivityIs000002() {
        assertThat(code(kit.handle(platform.v1(Map.of("activity", "frobnicate"))))).isEqualTo("000002");
    }

    @Test
    void v1RequestsToAKitWithoutAV1KeyAreRefused() {
        kit.close();
        kit = SellerKit.builder().basicKey("basic").seller(seller).build();
        assertThat(code(kit.handle(platform.v1(newInstance("CS", "b"))))).isEqualTo("000001");
    }
}
