package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;

class SignCommandTest {

    static final String KEY = "test-access-key";
    static final String NEW_INSTANCE = "{\"activity\":\"newInstance\",\"businessId\":\"87b94795-0603-4e24-8ae5-69420d60e3c8\","
            + "\"orderId\":\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";

    @Test
    void signV1PrintsTheAuthTokenOfTheParamsAsGiven() {
        Cli cli = Cli.run("sign", "v1", "--key", "6f3e9a2c-seller-key", "--param", "activity=newInstance",
                "--param", "customerName=Li Lei", "--param", "timeStamp=20200812064113011");
        String expected = AuthToken.compute("6f3e9a2c-seller-key", java.util.Map.of(
                "activity", "newInstance", "customerName", "Li Lei", "timeStamp", "20200812064113011"));
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(expected + "\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void signV1FromAUrlDecodesOnceAndIgnoresTheAuthToken() {
        String fromParams = Cli.run("sign", "v1", "--key", "k", "--param", "email=a+b/c=", "--param", "name=Li Lei",
                "--param", "timeStamp=20200812064113011").out();
        String fromUrl = Cli.run("sign", "v1", "--key", "k", "--url",
                "https://isv.example/saasproduce?email=a%2Bb%2Fc%3D&name=Li+Lei&timeStamp=20200812064113011&authToken=old").out();
        assertThat(fromUrl).isEqualTo(fromParams);
    }

    @Test
    void aParamValueIsUsedAsGivenNotDecoded() {
        String encoded = Cli.run("sign", "v1", "--key", "k", "--param", "v=%2B", "--param", "timeStamp=1").out();
        String plus = Cli.run("sign", "v1", "--key", "k", "--param", "v=+", "--param", "timeStamp=1").out();
        assertThat(encoded).isNotEqualTo(plus);
        assertThat(encoded.trim()).isEqualTo(AuthToken.compute("k", java.util.Map.of("v", "%2B", "timeStamp", "1")));
    }

    @Test
    void signV1WithoutTimeStampExitsTwoWithOneLine() {
        Cli cli = Cli.run("sign", "v1", "--key", "k", "--param", "activity=newInstance");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("timeStamp");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void aParamWithoutEqualsExitsTwo() {
        Cli cli = Cli.run("sign", "v1", "--key", "k", "--param", "activity");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("NAME=VALUE");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void paramAndUrlTogetherExitTwo() {
        Cli cli = Cli.run("sign", "v1", "--key", "k", "--param", "a=1", "--url", "https://x/?a=1");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void aMissingKeyExitsTwoWithOneLine() {
        Cli cli = Cli.run("sign", "v1", "--param", "timeStamp=1");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--key");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void anEmptyKeyExitsTwo() {
        Cli cli = Cli.run("sign", "body", "--key", "", "--body", "{}");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("must not be empty");
    }

    @Test
    void signBodyPrintsTheBodySignHeaderValueOverTheExactBytes(@TempDir Path dir) throws Exception {
        byte[] body = "{\"resultCode\":\"000000\"}\n\t ".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("body.json");
        Files.write(file, body);
        Cli cli = Cli.run("sign", "body", "--key", KEY, "--body-file", file.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(BodySign.sign(KEY, body).headerValue() + "\n");
        assertThat(cli.out()).startsWith("sign_type=\"HMAC-SHA256\", signature= \"");
    }

    @Test
    void anUnreadableBodyFileExitsTwo(@TempDir Path dir) {
        Cli cli = Cli.run("sign", "body", "--key", KEY, "--body-file", dir.resolve("missing.json").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("cannot read body file");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void bodyAndBodyFileTogetherExitTwo() {
        Cli cli = Cli.run("sign", "body", "--key", KEY, "--body", "{}", "--body-file", "x");
        assertThat(cli.exitCode()).isEqualTo(2);
    }

    @Test
    void signV2PrintsTheUpperCaseHexUrlSignature() {
        Cli cli = Cli.run("sign", "v2", "--key", KEY, "--timestamp", "1680508066618", "--nonce",
                "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA", "--body", NEW_INSTANCE);
        // The openssl vector of the protocol module's tests.
        assertThat(cli.out()).isEqualTo("271544ACDAC82601D0A6615631C4DB54120D5EA32FC968493C8064281E125C7A\n");
    }

    @Test
    void signV2BuildsTheCanonicalPayloadFromTheBodyAsSent() {
        String spaced = NEW_INSTANCE.replace(",", ", ").replace("{", "{ ");
        assertThat(Cli.run("sign", "v2", "--key", KEY, "--timestamp", "1680508066618", "--nonce", "n", "--body", spaced).out())
                .isEqualTo(Cli.run("sign", "v2", "--key", KEY, "--timestamp", "1680508066618", "--nonce", "n",
                        "--body", NEW_INSTANCE).out());
    }

    @Test
    void signV2WithANonNumericTimestampExitsTwo() {
        Cli cli = Cli.run("sign", "v2", "--key", KEY, "--timestamp", "2023-04-03", "--nonce", "n", "--body", "{}");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--timestamp").contains("milliseconds");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void signV2WithABodyThatIsNotJsonExitsTwo() {
        Cli cli = Cli.run("sign", "v2", "--key", KEY, "--timestamp", "1", "--nonce", "n", "--body", "not json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("not valid JSON");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void signKitPrintsTheInnerHmacFormOfXSign() {
        String body = "{\"instanceId\":\"huaiweitest123456\",\"orderId\":\"CS1906666666ABCDE\",\"tenantId\":"
                + "\"68cbc86****************880d92f36422fa0e\",\"tenantCode\":\"huawei\",\"name\":\"huaiweitest\","
                + "\"domainName\":\"https://example.tenantaccount.com\",\"flag\":1,\"testFlag\":0,"
                + "\"timeStamp\":\"20220413093539534\"}";
        Cli cli = Cli.run("sign", "kit", "--key", KEY, "--timestamp", "1680508066618", "--nonce",
                "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA", "--body", body);
        assertThat(cli.out()).isEqualTo("E8C8D3CBD375F8BB2F65D2D7F58DDF42016CFA1038783A3AC74E4CB584B9837A\n");
    }

    @Test
    void signUsagePrintsTheBase64UsageSignature() {
        String body = "{\"usage_records\":[{\"instance_id\":\"7f141bf1-aec8-4859-8323-fb3a8ad50721\","
                + "\"record_time\":\"20220809T091000Z\",\"begin_time\":\"20220809T080000Z\",\"end_time\":"
                + "\"20220809T090000Z\",\"usage_value\":\"1.5\",\"metering_sn\":\"sn-0001\"}]}";
        Cli cli = Cli.run("sign", "usage", "--key", KEY, "--ts", "1709690865879", "--nonce",
                "6c63c221-1f6b-4141-8ff4-22f5dfe82b65", "--body", body);
        assertThat(cli.out()).isEqualTo("0hyyRT0TCV3gH6Mnc4K2n6f58Dp1EAY/zJrhtWLtd2M=\n");
        assertThat(cli.out().trim()).isEqualTo(SignatureScheme.USAGE.sign(KEY, "1709690865879",
                "6c63c221-1f6b-4141-8ff4-22f5dfe82b65", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signWithoutAKindExitsTwo() {
        Cli cli = Cli.run("sign");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("v1, body, v2, kit, usage or apig");
    }

    @Test
    void theSignedUrlOfSignV1VerifiesWithVerifyV1() {
        String query = "activity=newInstance&customerName=Li%20Lei&timeStamp=20200812064113011";
        String token = Cli.run("sign", "v1", "--key", "k", "--url", "https://isv.example/p?" + query).out().trim();
        Cli verify = Cli.run("verify", "v1", "--key", "k", "--url",
                "https://isv.example/p?" + query + "&authToken=" + QueryString.encode(token));
        assertThat(verify.out()).isEqualTo("valid\n");
        assertThat(verify.exitCode()).isZero();
    }
}
