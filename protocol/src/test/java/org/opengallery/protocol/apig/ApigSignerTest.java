package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;

class ApigSignerTest {

    /** Huawei's published example key (devg-apisign, "API signing algorithm"). */
    static final String HUAWEI_SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    static final String HUAWEI_STRING_TO_SIGN = "SDK-HMAC-SHA256\n20191115T033655Z\n"
            + "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a";
    static final String HUAWEI_SIGNATURE = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
    static final Instant HUAWEI_DATE = Instant.parse("2019-11-15T03:36:55Z");

    static final String AK = "QTWAOYTTINDUT2QVKYUC";

    @Test
    void signatureOfThePublishedStringToSignMatchesHuaweisVector() {
        assertThat(ApigSigner.signature(HUAWEI_SK, HUAWEI_STRING_TO_SIGN)).isEqualTo(HUAWEI_SIGNATURE);
    }

    @Test
    void signingHuaweisDocumentedVpcRequestReproducesItsStringToSignAndSignature() {
        // The request the same Huawei page canonicalises: GET .../vpcs?limit=2&marker=..., Content-Type JSON.
        ApigRequest request = ApigRequest.builder("GET", "https://service.region.example.com"
                        + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                        + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")
                .header("Content-Type", "application/json")
                .build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.canonicalRequest()).isEqualTo("""
                GET
                /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/
                limit=2&marker=13551d6b-755d-4757-b956-536f674975c0
                content-type:application/json
                host:service.region.example.com
                x-sdk-date:20191115T033655Z

                content-type;host;x-sdk-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(signed.stringToSign()).isEqualTo(HUAWEI_STRING_TO_SIGN);
        assertThat(signed.signature()).isEqualTo(HUAWEI_SIGNATURE);
        assertThat(signed.authorizationHeader()).isEqualTo("SDK-HMAC-SHA256 Access=" + AK
                + ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + HUAWEI_SIGNATURE);
    }

    @Test
    void stringToSignIsAlgorithmDateAndLowerHexHashOfTheCanonicalRequest() {
        String canonical = "GET\n/\n\nhost:h\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        assertThat(ApigSigner.stringToSign("20191115T033655Z", canonical)).isEqualTo(
                "SDK-HMAC-SHA256\n20191115T033655Z\n" + Hex.lower(Hmac.digest(Hmac.utf8(canonical))));
    }

    @Test
    void signAddsHostXSdkDateAndAuthorizationHeadersInThatOrder() {
        ApigRequest request = ApigRequest.builder("GET", "https://mkt.myhuaweicloud.com/api/x").build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.headers()).containsExactly(
                entry("Host", "mkt.myhuaweicloud.com"),
                entry("X-Sdk-Date", "20191115T033655Z"),
                entry("Authorization", signed.authorizationHeader()));
        assertThat(signed.request().headers()).containsAllEntriesOf(signed.headers());
    }

    @Test
    void signerAlwaysSignsHostAndXSdkDatePlusEveryHeaderOfTheRequest() {
        ApigRequest request = ApigRequest.builder("POST", "https://h/p")
                .header("Content-Type", "application/json")
                .header("X-Project-Id", "p1")
                .build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.authorization().signedHeaders())
                .containsExactly("content-type", "host", "x-project-id", "x-sdk-date");
    }

    @Test
    void signerNeverSignsAnAuthorizationHeaderAlreadyOnTheRequest() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p")
                .header("Authorization", "Bearer stale")
                .build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.authorization().signedHeaders()).containsExactly("host", "x-sdk-date");
        assertThat(signed.request().header("authorization")).contains(signed.authorizationHeader());
    }

    @Test
    void signReplacesAnXSdkDateAlreadyOnTheRequest() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p").header("x-sdk-date", "20000101T000000Z")
                .build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.request().header("X-Sdk-Date")).contains("20191115T033655Z");
        assertThat(signed.request().headers()).hasSize(3);
    }

    @Test
    void anExplicitHostHeaderIsSignedInsteadOfTheUriHost() {
        ApigRequest request = ApigRequest.builder("GET", "/api/x").header("Host", "mkt.myhuaweicloud.cn").build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).sign(request, HUAWEI_DATE);

        assertThat(signed.host()).isEqualTo("mkt.myhuaweicloud.cn");
        assertThat(signed.canonicalRequest()).contains("\nhost:mkt.myhuaweicloud.cn\n");
    }

    @Test
    void xSdkDateDropsSubSecondsAndIsUtc() {
        assertThat(ApigSigner.formatDate(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("20240229T235959Z");
    }

    @Test
    void signWithoutDateUsesTheSignersClock() {
        Clock clock = Clock.fixed(HUAWEI_DATE, ZoneOffset.UTC);
        ApigRequest request = ApigRequest.builder("GET", "https://h/p").build();

        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK).withClock(clock).sign(request);

        assertThat(signed.sdkDate()).isEqualTo("20191115T033655Z");
    }

    @Test
    void signRejectsARequestWithoutHost() {
        ApigRequest request = ApigRequest.builder("GET", "/api/x").build();
        ApigSigner signer = ApigSigner.of(AK, HUAWEI_SK);

        assertThatThrownBy(() -> signer.sign(request, HUAWEI_DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
    }

    @Test
    void signerRejectsAnEmptySecretKeyWithoutEchoingIt() {
        assertThatThrownBy(() -> ApigSigner.of(AK, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigSigner.signature("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRejectsAnAccessKeyTheAuthorizationHeaderCouldNotCarry() {
        assertThatThrownBy(() -> ApigSigner.of("AK,with comma", HUAWEI_SK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigSigner.of("", HUAWEI_SK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerToStringNeverShowsTheSecretKey() {
        assertThat(ApigSigner.of(AK, HUAWEI_SK).toString()).contains(AK).doesNotContain(HUAWEI_SK);
    }

    @Test
    void signedRequestToStringNeverShowsTheSecretKey() {
        SignedRequest signed = ApigSigner.of(AK, HUAWEI_SK)
                .sign(ApigRequest.builder("GET", "https://h/p").build(), HUAWEI_DATE);

        assertThat(signed.toString()).doesNotContain(HUAWEI_SK);
    }

    @Test
    void signedHeadersOfARequestAreLowerCasedAndSorted() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p")
                .header("X-B", "1")
                .header("x-a", "2")
                .header("Content-Type", "text/plain")
                .build();

        assertThat(ApigSigner.signedHeaders(request))
                .isEqualTo(List.of("content-type", "host", "x-a", "x-b", "x-sdk-date"));
    }
}
