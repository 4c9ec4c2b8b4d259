package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.StaleTimestampException;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;

class ApigVerifierTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final Instant NOW = Instant.parse("2022-07-26T06:47:00Z");
    private static final String QUERY_ORDER = "https://mkt.myhuaweicloud.com"
            + "/api/mkp-openapi-public/global/v1/order/query?orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001";

    private final ApigSigner signer = ApigSigner.of(AK, SK);
    private final ApigVerifier verifier = ApigVerifier.builder(AccessKeys.of(AK, SK))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    private static ApigRequest queryOrder() {
        return ApigRequest.builder("GET", QUERY_ORDER)
                .header("Content-Type", "application/json;charset=UTF-8")
                .build();
    }

    private static ApigRequest usagePush() {
        return ApigRequest.builder("POST",
                        "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/isv/usage-data")
                .header("Content-Type", "application/json")
                .body("{\"usage_records\":[{\"instance_id\":\"7f141bf1-aec8-4859-8323-fb3a8ad50721\","
                        + "\"record_time\":\"20220809T091000Z\",\"usage_value\":\"1.5\",\"metering_sn\":\"sn-1\"}]}")
                .build();
    }

    /** The request as the marketplace's HTTP server sees it: request target, headers as sent, body. */
    private static ApigRequest asReceived(ApigRequest sent) {
        URI uri = sent.uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ApigRequest.builder(sent.method(), target).headers(sent.headers()).body(sent.body()).build();
    }

    private static ApigRequest withHeader(ApigRequest request, String name, String value) {
        return request.toBuilder().header(name, value).build();
    }

    private static ApigRequest without(ApigRequest request, String name) {
        return request.toBuilder().removeHeader(name).build();
    }

    /** Signs {@code request} by hand, listing exactly {@code signedHeaders}, so tests can break the rules. */
    private static ApigRequest signedListing(ApigRequest request, List<String> signedHeaders) {
        ApigRequest dated = withHeader(withHeader(request, "X-Sdk-Date", ApigSigner.formatDate(NOW)),
                "Host", request.host());
        String stringToSign = ApigSigner.stringToSign(ApigSigner.formatDate(NOW),
                ApigSigner.canonicalRequest(dated, signedHeaders));
        String signature = ApigSigner.signature(SK, stringToSign);
        return withHeader(dated, "Authorization", ApigAuthorization.of(AK, signedHeaders, signature).toHeaderValue());
    }

    // --- round trips -------------------------------------------------------------------------------------

    @Test
    void aSignedQueryOrderRequestVerifiesAndYieldsItsAccessKey() {
        SignedRequest signed = signer.sign(queryOrder(), NOW);

        assertThat(verifier.verify(asReceived(signed.request()))).isEqualTo(AK);
        assertThat(signed.canonicalRequest()).startsWith("""
                GET
                /api/mkp-openapi-public/global/v1/order/query/
                orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001
                content-type:application/json;charset=UTF-8
                host:mkt.myhuaweicloud.com
                x-sdk-date:20220726T064700Z

                content-type;host;x-sdk-date
                """);
    }

    @Test
    void aSignedPostWithJsonBodyVerifies() {
        SignedRequest signed = signer.sign(usagePush(), NOW);

        assertThat(verifier.verify(asReceived(signed.request()))).isEqualTo(AK);
        assertThat(signed.canonicalRequest()).endsWith(Hex.lower(Hmac.digest(usagePush().body())));
    }

    @Test
    void headersThatWereNotSignedMayChangeOrBeAdded() {
        ApigRequest received = asReceived(signer.sign(queryOrder(), NOW).request());

        assertThat(verifier.verify(withHeader(received, "User-Agent", "proxy/1.0"))).isEqualTo(AK);
    }

    @Test
    void headerNameCaseDoesNotMatter() {
        ApigRequest sent = signer.sign(queryOrder(), NOW).request();
        ApigRequest received = ApigRequest.builder("GET", "/api/mkp-openapi-public/global/v1/order/query"
                        + "?orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001")
                .header("host", sent.host())
                .header("content-type", sent.header("Content-Type").orElseThrow())
                .header("x-sdk-date", sent.header("X-Sdk-Date").orElseThrow())
                .header("authorization", sent.header("Authorization").orElseThrow())
                .build();

        assertThat(verifier.verify(received)).isEqualTo(AK);
    }

    @Test
    void queryParameterOrderAndEquivalentEncodingsDoNotMatter() {
        ApigRequest sent = signer.sign(ApigRequest.builder("GET", "https://h/p?b=x%20y&a=~1").build(), NOW).request();
        ApigRequest received = ApigRequest.builder("GET", "/p/?a=%7E1&b=x+y").headers(sent.headers()).build();

        assertThat(verifier.verify(received)).isEqualTo(AK);
    }

    @Test
    void signedHeadersAreCanonicalisedInTheOrderTheHeaderListsThem() {
        ApigRequest request = signedListing(queryOrder(), List.of("x-sdk-date", "host", "content-type"));

        assertThat(verifier.verify(request)).isEqualTo(AK);
    }

    // --- Authorization -----------------------------------------------------------------------------------

    @Test
    void rejectsARequestWithoutAuthorization() {
        ApigRequest received = without(asReceived(signer.sign(queryOrder(), NOW).request()), "Authorization");

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(MissingSignatureException.class,
                        e -> assertThat(e.signatureName()).isEqualTo("Authorization"));
    }

    @Test
    void rejectsAMalformedAuthorization() {
        ApigRequest received = withHeader(asReceived(signer.sign(queryOrder(), NOW).request()), "Authorization",
                "SDK-HMAC-SHA256 Access=" + AK);

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameterName()).isEqualTo("Authorization"));
    }

    @Test
    void rejectsSignedHeadersWithoutHost() {
        ApigRequest request = signedListing(queryOrder(), List.of("content-type", "x-sdk-date"));

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameterName()).isEqualTo("Authorization");
                    assertThat(e).hasMessageContaining("host");
                });
    }

    @Test
    void rejectsSignedHeadersWithoutXSdkDate() {
        ApigRequest request = signedListing(queryOrder(), List.of("content-type", "host"));

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameterName()).isEqualTo("Authorization");
                    assertThat(e).hasMessageContaining("x-sdk-date");
                });
    }

    // --- X-Sdk-Date ----------------------------------------------------------------------------------------

    @Test
    void rejectsAMissingXSdkDate() {
        ApigRequest received = without(asReceived(signer.sign(queryOrder(), NOW).request()), "X-Sdk-Date");

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameterName()).isEqualTo("X-Sdk-Date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2022-07-26T06:47:00Z", "20220726T064700", "20220726064700Z", "1658818020",
            "20220231T064700Z", "20220726T256000Z", "20220726t064700z"})
    void rejectsAMalformedXSdkDate(String value) {
        ApigRequest received = withHeader(asReceived(signer.sign(queryOrder(), NOW).request()), "X-Sdk-Date", value);

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e).isNotInstanceOf(StaleTimestampException.class);
                    assertThat(e.parameterName()).isEqualTo("X-Sdk-Date");
                });
    }

    @ParameterizedTest
    @ValueSource(longs = {-900, 900})
    void acceptsAnXSdkDateExactlyFifteenMinutesAway(long seconds) {
        SignedRequest signed = signer.sign(queryOrder(), NOW.plusSeconds(seconds));

        assertThat(verifier.verify(asReceived(signed.request()))).isEqualTo(AK);
    }

    @ParameterizedTest
    @ValueSource(longs = {-901, 901})
    void rejectsAnXSdkDateFifteenMinutesAndOneSecondAway(long seconds) {
        Instant dated = NOW.plusSeconds(seconds);
        SignedRequest signed = signer.sign(queryOrder(), dated);

        assertThatThrownBy(() -> verifier.verify(asReceived(signed.request())))
                .isInstanceOfSatisfying(StaleTimestampException.class, e -> {
                    assertThat(e.parameterName()).isEqualTo("X-Sdk-Date");
                    assertThat(e.timestamp()).isEqualTo(dated);
                    assertThat(e.now()).isEqualTo(NOW);
                    assertThat(e.window()).isEqualTo(Duration.ofMinutes(15));
                });
    }

    @Test
    void aNarrowerWindowCanBeConfigured() {
        ApigVerifier strict = ApigVerifier.builder(AccessKeys.of(AK, SK))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .window(Duration.ofMinutes(5))
                .build();
        ApigRequest received = asReceived(signer.sign(queryOrder(), NOW.minusSeconds(301)).request());

        assertThatThrownBy(() -> strict.verify(received)).isInstanceOf(StaleTimestampException.class);
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatThrownBy(() -> ApigVerifier.builder(AccessKeys.of(AK, SK)).window(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultWindowIsFifteenMinutes() {
        assertThat(ApigVerifier.of(AccessKeys.of(AK, SK)).window()).isEqualTo(Duration.ofMinutes(15));
    }

    // --- keys and signature ------------------------------------------------------------------------------------

    @Test
    void rejectsAnUnknownAccessKey() {
        ApigRequest received = asReceived(ApigSigner.of("UNKNOWNAK", SK).sign(queryOrder(), NOW).request());

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(UnknownAccessKeyException.class, e -> {
                    assertThat(e.accessKey()).isEqualTo("UNKNOWNAK");
                    assertThat(e.resultCode()).isEqualTo("000001");
                });
    }

    @Test
    void anEmptySecretKeyCountsAsUnknownRatherThanAsAKey() {
        ApigVerifier misconfigured = ApigVerifier.builder(accessKey -> Optional.of(""))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        ApigRequest received = asReceived(signer.sign(queryOrder(), NOW).request());

        assertThatThrownBy(() -> misconfigured.verify(received)).isInstanceOf(UnknownAccessKeyException.class);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecretKey() {
        ApigRequest received = asReceived(ApigSigner.of(AK, "another-secret").sign(queryOrder(), NOW).request());

        assertThatThrownBy(() -> verifier.verify(received))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> {
                    assertThat(e.signatureName()).isEqualTo("Authorization");
                    assertThat(e.resultCode()).isEqualTo("000001");
                });
    }

    @Test
    void rejectsASignatureWithOneDigitChanged() {
        SignedRequest signed = signer.sign(queryOrder(), NOW);
        String signature = signed.signature();
        String forged = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        ApigRequest received = withHeader(asReceived(signed.request()), "Authorization",
                signed.authorizationHeader().replace(signature, forged));

        assertThatThrownBy(() -> verifier.verify(received)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void aClaimedContentHashHeaderDoesNotStandInForTheBody() {
        // Huawei's SDK trusts X-Sdk-Content-Sha256 instead of hashing the body; a verifier must not.
        ApigRequest received = asReceived(signer.sign(usagePush(), NOW).request());
        ApigRequest tampered = received.toBuilder()
                .header("X-Sdk-Content-Sha256", Hex.lower(Hmac.digest(received.body())))
                .body("{\"usage_records\":[]}")
                .build();

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void noExceptionMessageOrToStringRevealsTheSecretKey() {
        ApigRequest good = asReceived(signer.sign(usagePush(), NOW).request());
        List<ApigRequest> bad = List.of(
                without(good, "Authorization"),
                withHeader(good, "Authorization", "SDK-HMAC-SHA256 nonsense"),
                withHeader(good, "X-Sdk-Date", "yesterday"),
                asReceived(signer.sign(usagePush(), NOW.minusSeconds(3600)).request()),
                asReceived(ApigSigner.of("OTHER", SK).sign(usagePush(), NOW).request()),
                good.toBuilder().body("{}").build());
        String expectedSignature = signer.sign(usagePush().toBuilder().body("{}").build(), NOW).signature();

        for (ApigRequest request : bad) {
            assertThatThrownBy(() -> verifier.verify(request))
                    .isInstanceOf(VerificationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SK).doesNotContain(expectedSignature));
        }
        assertThat(verifier.toString()).doesNotContain(SK);
        assertThat(ApigVerifier.builder(AccessKeys.of(Map.of(AK, SK))).build().toString()).doesNotContain(SK);
    }
}
