package org.opengallery.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengallery.protocol.v2.SpecExamples.KEY;
import static org.opengallery.protocol.v2.SpecExamples.utf8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.ReplayedNonceException;
import org.opengallery.protocol.StaleTimestampException;

class SignatureVerifierTest {

    static Clock at(String epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(Long.parseLong(epochMillis)), ZoneOffset.UTC);
    }

    static SignatureVerifier url(Clock clock) {
        return SignatureVerifier.forScheme(SignatureScheme.URL, KEY).clock(clock).build();
    }

    // --- the basic-interface URL signature --------------------------------------------------------------

    @Test
    void basicSignatureOfTheNewInstanceExampleMatchesTheOpensslVector() {
        assertThat(SignatureScheme.URL.sign(KEY, SpecExamples.NEW_INSTANCE_TIMESTAMP, SpecExamples.NEW_INSTANCE_NONCE,
                utf8(SpecExamples.NEW_INSTANCE_BODY))).isEqualTo(SpecExamples.NEW_INSTANCE_SIGNATURE_UNDER_KEY);
    }

    @Test
    void signaturesAreSixtyFourUpperCaseHexLikeEverySpecExample() {
        assertThat(SpecExamples.NEW_INSTANCE_URL).contains("signature=11C4CD6279191DE931DEF5C51531DFFA9D37969F4E356B8A3A6D8DE4FB357A48");
        for (String[] example : SpecExamples.BODY_SIGNATURE_TIMESTAMP) {
            assertThat(example[1]).matches("[0-9A-F]{64}");
            assertThat(SignatureScheme.URL.sign(KEY, example[2], "n", utf8(example[0]))).matches("[0-9A-F]{64}");
        }
    }

    @Test
    void theSpecsExampleUrlsAreReadAndRejectedOnlyForTheUnpublishedKey() {
        // The spec's example signatures were made with a key it does not publish: with ours, every check up to
        // the MAC passes and the MAC fails.
        assertThatThrownBy(() -> url(at(SpecExamples.NEW_INSTANCE_TIMESTAMP))
                .verifyQuery(QueryString.rawQueryOf(SpecExamples.NEW_INSTANCE_URL), utf8(SpecExamples.NEW_INSTANCE_BODY)))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> url(at("1680509496350"))
                .verifyQuery(QueryString.rawQueryOf(SpecExamples.REFRESH_INSTANCE_URL), utf8(SpecExamples.REFRESH_INSTANCE_BODY)))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void aSignedUrlVerifies() {
        String query = "signature=" + SpecExamples.NEW_INSTANCE_SIGNATURE_UNDER_KEY + "&timestamp="
                + SpecExamples.NEW_INSTANCE_TIMESTAMP + "&nonce=" + SpecExamples.NEW_INSTANCE_NONCE;
        assertThatCode(() -> url(at(SpecExamples.NEW_INSTANCE_TIMESTAMP)).verifyQuery(query, utf8(SpecExamples.NEW_INSTANCE_BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void signaturesCompareCaseInsensitivelyAsHuaweisSampleDoes() {
        String lower = SpecExamples.NEW_INSTANCE_SIGNATURE_UNDER_KEY.toLowerCase(Locale.ROOT);
        assertThatCode(() -> url(at(SpecExamples.NEW_INSTANCE_TIMESTAMP)).verify(lower, SpecExamples.NEW_INSTANCE_TIMESTAMP,
                SpecExamples.NEW_INSTANCE_NONCE, utf8(SpecExamples.NEW_INSTANCE_BODY))).doesNotThrowAnyException();
    }

    @Test
    void theSameBodyWithOtherKeyOrderAndSpacingVerifiesThroughTheCanonicalPayload() {
        String reordered = "{ \"testFlag\":\"1\", \"orderLineId\":\"CS2211181819B4LVS-000001\", \"orderId\":\"CS2211181819B4LVS\","
                + " \"businessId\":\"87b94795-0603-4e24-8ae5-69420d60e3c8\", \"activity\":\"newInstance\" }";
        assertThatCode(() -> url(at(SpecExamples.NEW_INSTANCE_TIMESTAMP)).verify(SpecExamples.NEW_INSTANCE_SIGNATURE_UNDER_KEY,
                SpecExamples.NEW_INSTANCE_TIMESTAMP, SpecExamples.NEW_INSTANCE_NONCE, utf8(reordered)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureOverTheRawBodyBytesIsAcceptedToo() {
        String raw = "{\"b\":\"1\", \"a\":\"2\"}";
        String overRaw = SignatureScheme.URL.signPayload(KEY, "1700000000000", "n1", raw);
        assertThatCode(() -> url(at("1700000000000")).verify(overRaw, "1700000000000", "n1", utf8(raw)))
                .doesNotThrowAnyException();
    }

    @Test
    void numbersSignedAsStringsAreAcceptedLikeTheSamplesStringMap() {
        String body = "{\"activity\":\"x\",\"testFlag\":1}";
        String overStrings = SignatureScheme.URL.signPayload(KEY, "1700000000000", "n1", "{\"activity\":\"x\",\"testFlag\":\"1\"}");
        assertThatCode(() -> url(at("1700000000000")).verify(overStrings, "1700000000000", "n1", utf8(body)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingSignatureIsResultCode000001() {
        assertThatThrownBy(() -> url(at("1700000000000")).verifyQuery("timestamp=1700000000000&nonce=n", utf8("{}")))
                .isInstanceOfSatisfying(MissingSignatureException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo("000001");
                    assertThat(e.getMessage()).contains("signature");
                });
    }

    @Test
    void aMissingOrNonNumericTimestampIsResultCode000002() {
        assertThatThrownBy(() -> url(at("1700000000000")).verifyQuery("signature=AB&nonce=n", utf8("{}")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo("000002");
                    assertThat(e.parameterName()).isEqualTo("timestamp");
                });
        assertThatThrownBy(() -> url(at("1700000000000")).verifyQuery("signature=AB&timestamp=20230101&nonce=n&x=1".replace("20230101", "2023-01-01"), utf8("{}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("milliseconds");
    }

    @Test
    void aMissingNonceIsResultCode000002() {
        assertThatThrownBy(() -> url(at("1700000000000")).verifyQuery("signature=AB&timestamp=1700000000000", utf8("{}")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameterName()).isEqualTo("nonce"));
    }

    @Test
    void timestampsExactlySixtySecondsAwayAreAcceptedEitherSide() {
        String sig = SignatureScheme.URL.sign(KEY, "1700000000000", "n", utf8("{}"));
        assertThatCode(() -> url(at("1700000060000")).verify(sig, "1700000000000", "n", utf8("{}"))).doesNotThrowAnyException();
        assertThatCode(() -> url(at("1699999940000")).verify(sig, "1700000000000", "n", utf8("{}"))).doesNotThrowAnyException();
    }

    @Test
    void timestampsMoreThanSixtySecondsAwayAreStaleEitherSide() {
        String sig = SignatureScheme.URL.sign(KEY, "1700000000000", "n", utf8("{}"));
        for (String now : new String[] {"1700000060001", "1699999939999"}) {
            assertThatThrownBy(() -> url(at(now)).verify(sig, "1700000000000", "n", utf8("{}")))
                    .isInstanceOfSatisfying(StaleTimestampException.class, e -> {
                        assertThat(e.resultCode()).isEqualTo("000002");
                        assertThat(e.window()).isEqualTo(Duration.ofSeconds(60));
                    });
        }
    }

    @Test
    void theWindowIsConfigurableAndTheTimeCheckCanBeSkippedForRecordedRequests() {
        String sig = SignatureScheme.URL.sign(KEY, "1700000000000", "n", utf8("{}"));
        SignatureVerifier wide = SignatureVerifier.forScheme(SignatureScheme.URL, KEY)
                .clock(at("1700000100000")).window(Duration.ofMinutes(5)).build();
        assertThatCode(() -> wide.verify(sig, "1700000000000", "n", utf8("{}"))).doesNotThrowAnyException();
        SignatureVerifier untimed = SignatureVerifier.forScheme(SignatureScheme.URL, KEY)
                .clock(at("1900000000000")).withoutTimeCheck().build();
        assertThatCode(() -> untimed.verify(sig, "1700000000000", "n", utf8("{}"))).doesNotThrowAnyException();
    }

    @Test
    void aReplayedNonceIsRejectedAfterTheFirstUse() {
        Clock clock = at("1700000000000");
        SignatureVerifier guarded = SignatureVerifier.forScheme(SignatureScheme.URL, KEY).clock(clock)
                .nonceGuard(new InMemoryNonceReplayGuard(100, clock)).build();
        String sig = SignatureScheme.URL.sign(KEY, "1700000000000", "n-1", utf8("{}"));
        guarded.verify(sig, "1700000000000", "n-1", utf8("{}"));
        assertThatThrownBy(() -> guarded.verify(sig, "1700000000000", "n-1", utf8("{}")))
                .isInstanceOfSatisfying(ReplayedNonceException.class, e -> assertThat(e.nonce()).isEqualTo("n-1"));
    }

    @Test
    void aForgedRequestDoesNotUseUpItsNonce() {
        Clock clock = at("1700000000000");
        SignatureVerifier guarded = SignatureVerifier.forScheme(SignatureScheme.URL, KEY).clock(clock)
                .nonceGuard(new InMemoryNonceReplayGuard(100, clock)).build();
        assertThatThrownBy(() -> guarded.verify("00", "1700000000000", "n-2", utf8("{}")))
                .isInstanceOf(InvalidSignatureException.class);
        String sig = SignatureScheme.URL.sign(KEY, "1700000000000", "n-2", utf8("{}"));
        assertThatCode(() -> guarded.verify(sig, "1700000000000", "n-2", utf8("{}"))).doesNotThrowAnyException();
    }

    @Test
    void anEmptyKeyOrNegativeWindowIsRefusedWhenBuilding() {
        assertThatThrownBy(() -> SignatureVerifier.forScheme(SignatureScheme.URL, "").build())
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> SignatureVerifier.forScheme(SignatureScheme.URL, KEY).window(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("negative");
    }

    @Test
    void theVerifierNeverPrintsItsKey() {
        assertThat(url(Clock.systemUTC()).toString()).doesNotContain(KEY).contains("redacted");
    }

    @Property
    void signThenVerifyRoundTripsForEveryScheme(@ForAll("bodies") String body,
                                                @ForAll @AlphaChars @StringLength(min = 1, max = 64) String nonce) {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            String sig = scheme.sign(KEY, "1700000000000", nonce, utf8(body));
            SignatureVerifier verifier = SignatureVerifier.forScheme(scheme, KEY).clock(at("1700000000000")).build();
            assertThatCode(() -> verifier.verify(sig, "1700000000000", nonce, utf8(body))).doesNotThrowAnyException();
        }
    }

    @Property
    void changingAnyByteOfTheSignedMaterialFailsVerification(@ForAll("bodies") String body,
                                                             @ForAll @IntRange(min = 0, max = 1000) int at) {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            String sig = scheme.sign(KEY, "1700000000000", "nonce", utf8(body));
            SignatureVerifier verifier = SignatureVerifier.forScheme(scheme, KEY).clock(at("1700000000000")).build();
            byte[] tamperedBody = utf8(body);
            int i = at % tamperedBody.length;
            tamperedBody[i] = (byte) (tamperedBody[i] == '7' ? '8' : '7');
            if (new String(tamperedBody, java.nio.charset.StandardCharsets.UTF_8).equals(body)) {
                continue;
            }
            if (!CanonicalPayload.candidates(tamperedBody).contains(CanonicalPayload.candidates(utf8(body)).get(0))) {
                assertThatThrownBy(() -> verifier.verify(sig, "1700000000000", "nonce", tamperedBody))
                        .isInstanceOf(InvalidSignatureException.class);
            }
            assertThatThrownBy(() -> verifier.verify(sig, "1700000000001", "nonce", utf8(body)))
                    .isInstanceOf(InvalidSignatureException.class);
            assertThatThrownBy(() -> verifier.verify(sig, "1700000000000", "nonce2", utf8(body)))
                    .isInstanceOf(InvalidSignatureException.class);
            String otherSig = sig.substring(0, sig.length() - 2) + (sig.endsWith("AA") ? "BB" : "AA");
            assertThatThrownBy(() -> verifier.verify(otherSig, "1700000000000", "nonce", utf8(body)))
                    .isInstanceOf(InvalidSignatureException.class);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> bodies() {
        return net.jqwik.api.Arbitraries.maps(
                        net.jqwik.api.Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                        net.jqwik.api.Arbitraries.strings().ofMaxLength(20))
                .ofMinSize(1).ofMaxSize(5)
                .map(m -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    // --- the joint-operation kit header signature ----------------------------------------------------------

    @Test
    void kitSignatureOfTheTenantSyncExampleUsesTheDocumentedInnerHmacForm() {
        assertThat(SignatureScheme.KIT.sign(KEY, SpecExamples.TENANT_SYNC_TIMESTAMP, SpecExamples.TENANT_SYNC_NONCE,
                utf8(SpecExamples.TENANT_SYNC_BODY))).isEqualTo(SpecExamples.TENANT_SYNC_SIGN_INNER);
    }

    @Test
    void kitVerificationAcceptsBothTheDocumentedAndTheSampleForm() {
        SignatureVerifier kit = SignatureVerifier.forScheme(SignatureScheme.KIT, KEY)
                .clock(at(SpecExamples.TENANT_SYNC_TIMESTAMP)).build();
        for (String sign : new String[] {SpecExamples.TENANT_SYNC_SIGN_INNER, SpecExamples.TENANT_SYNC_SIGN_SAMPLE}) {
            assertThatCode(() -> kit.verify(sign, SpecExamples.TENANT_SYNC_TIMESTAMP, SpecExamples.TENANT_SYNC_NONCE,
                    utf8(SpecExamples.TENANT_SYNC_BODY))).doesNotThrowAnyException();
        }
    }

    @Test
    void theBasicSchemeDoesNotAcceptTheSampleKitFormWithoutInnerHmac() {
        assertThatThrownBy(() -> url(at(SpecExamples.TENANT_SYNC_TIMESTAMP)).verify(SpecExamples.TENANT_SYNC_SIGN_SAMPLE,
                SpecExamples.TENANT_SYNC_TIMESTAMP, SpecExamples.TENANT_SYNC_NONCE, utf8(SpecExamples.TENANT_SYNC_BODY)))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void kitFailuresNameTheKitHeaders() {
        SignatureVerifier kit = SignatureVerifier.forScheme(SignatureScheme.KIT, KEY).clock(at("1700000000000")).build();
        assertThatThrownBy(() -> kit.verify(null, "1700000000000", "n", utf8("{}"))).hasMessageContaining("x-sign");
        assertThatThrownBy(() -> kit.verify("ab", null, "n", utf8("{}"))).hasMessageContaining("x-timestamp");
        assertThatThrownBy(() -> kit.verify("ab", "1700000000000", "", utf8("{}"))).hasMessageContaining("x-nonce");
    }

    // --- the usage-push signature --------------------------------------------------------------------------

    @Test
    void usageSignatureIsBase64OfHmacOverTsNonceAndBody() {
        assertThat(SignatureScheme.USAGE.sign(KEY, SpecExamples.USAGE_TS, SpecExamples.USAGE_NONCE, utf8(SpecExamples.USAGE_BODY)))
                .isEqualTo(SpecExamples.USAGE_SIGNATURE);
    }

    @Test
    void usageVerificationAcceptsTheBodyAsSentAndItsCanonicalForm() {
        SignatureVerifier usage = SignatureVerifier.forScheme(SignatureScheme.USAGE, KEY).clock(at(SpecExamples.USAGE_TS)).build();
        assertThatCode(() -> usage.verify(SpecExamples.USAGE_SIGNATURE, SpecExamples.USAGE_TS, SpecExamples.USAGE_NONCE,
                utf8(SpecExamples.USAGE_BODY))).doesNotThrowAnyException();
        String spaced = SpecExamples.USAGE_BODY.replace("{\"usage_records\":", "{ \"usage_records\" : ");
        String overCanonical = SignatureScheme.USAGE.signPayload(KEY, SpecExamples.USAGE_TS, SpecExamples.USAGE_NONCE,
                CanonicalPayload.of(spaced));
        assertThatCode(() -> usage.verify(overCanonical, SpecExamples.USAGE_TS, SpecExamples.USAGE_NONCE, utf8(spaced)))
                .doesNotThrowAnyException();
    }

    @Test
    void usageFailuresNameTheUsageHeaders() {
        SignatureVerifier usage = SignatureVerifier.forScheme(SignatureScheme.USAGE, KEY).clock(at("1700000000000")).build();
        assertThatThrownBy(() -> usage.verify("sig", null, "n", utf8("{}"))).hasMessageContaining("ts");
    }
}
