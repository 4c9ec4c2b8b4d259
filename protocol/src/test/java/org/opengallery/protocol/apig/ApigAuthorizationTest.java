package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.MissingSignatureException;

class ApigAuthorizationTest {

    private static final String SIG = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

    @Test
    void parsesTheFormHuaweisSignerWrites() {
        ApigAuthorization authorization = ApigAuthorization.parse(
                "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature="
                        + SIG);

        assertThat(authorization.accessKey()).isEqualTo("QTWAOYTTINDUT2QVKYUC");
        assertThat(authorization.signedHeaders()).containsExactly("content-type", "host", "x-sdk-date");
        assertThat(authorization.signedHeadersValue()).isEqualTo("content-type;host;x-sdk-date");
        assertThat(authorization.signature()).isEqualTo(SIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK,SignedHeaders=host;x-sdk-date,Signature=" + SIG,
            "SDK-HMAC-SHA256    Access=AK ,  SignedHeaders=host;x-sdk-date ,\tSignature=" + SIG + "  ",
            "  SDK-HMAC-SHA256\tAccess = AK, SignedHeaders = host; x-sdk-date, Signature = " + SIG,
            "SDK-HMAC-SHA256 Signature=" + SIG + ", Access=AK, SignedHeaders=host;x-sdk-date",
            "SDK-HMAC-SHA256 access=AK, signedheaders=HOST;X-Sdk-Date, SIGNATURE=" + SIG,
    })
    void parsingToleratesSpacingParameterOrderAndNameCase(String header) {
        ApigAuthorization authorization = ApigAuthorization.parse(header);

        assertThat(authorization.accessKey()).isEqualTo("AK");
        assertThat(authorization.signedHeaders()).containsExactly("host", "x-sdk-date");
        assertThat(authorization.signature()).isEqualTo(SIG);
    }

    @Test
    void parsingLowerCasesAnUpperCaseHexSignature() {
        ApigAuthorization authorization = ApigAuthorization.parse(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG.toUpperCase());

        assertThat(authorization.signature()).isEqualTo(SIG);
    }

    @Test
    void signedHeadersKeepTheOrderTheHeaderGives() {
        ApigAuthorization authorization = ApigAuthorization.parse(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date;host, Signature=" + SIG);

        assertThat(authorization.signedHeaders()).containsExactly("x-sdk-date", "host");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingOrBlankHeaderIsAMissingSignature(String header) {
        assertThatThrownBy(() -> ApigAuthorization.parse(header))
                .isInstanceOfSatisfying(MissingSignatureException.class, e -> {
                    assertThat(e.signatureName()).isEqualTo("Authorization");
                    assertThat(e.resultCode()).isEqualTo("000001");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SDK-HMAC-SHA256",
            "Bearer abc",
            "SDK-HMAC-SM3 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "sdk-hmac-sha256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "V11-HMAC-SHA256 Credential=AK/20191115/cn-north-4/iam, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date",
            "SDK-HMAC-SHA256 Access=AK, Signature=" + SIG,
            "SDK-HMAC-SHA256 SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=",
            "SDK-HMAC-SHA256 Access=AK, Access=AK2, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG + ", Extra=1",
            "SDK-HMAC-SHA256 Access=AK SignedHeaders=host;x-sdk-date Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x sdk date, Signature=" + SIG,
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc",
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + SIG + "00",
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature="
                    + "zze6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            "SDK-HMAC-SHA256 Access=A K, SignedHeaders=host;x-sdk-date, Signature=" + SIG,
            "SDK-HMAC-SHA256 , , ",
    })
    void aMalformedHeaderIsAnInvalidAuthorizationParameter(String header) {
        assertThatThrownBy(() -> ApigAuthorization.parse(header))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameterName()).isEqualTo("Authorization");
                    assertThat(e.resultCode()).isEqualTo("000002");
                });
    }

    @Test
    void headerValueIsWrittenExactlyAsHuaweisSignerWritesIt() {
        ApigAuthorization authorization =
                ApigAuthorization.of("AK", List.of("content-type", "host", "x-sdk-date"), SIG);

        assertThat(authorization.toHeaderValue()).isEqualTo(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date, Signature=" + SIG);
        assertThat(ApigAuthorization.parse(authorization.toHeaderValue())).isEqualTo(authorization);
    }

    @Test
    void buildingFromPartsRejectsWhatTheHeaderCouldNotCarry() {
        assertThatThrownBy(() -> ApigAuthorization.of("A,K", List.of("host"), SIG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigAuthorization.of("AK", List.of(), SIG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigAuthorization.of("AK", List.of("host"), "nothex"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
