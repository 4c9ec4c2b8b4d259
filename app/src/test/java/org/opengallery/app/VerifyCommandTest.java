package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifyCommandTest {

    static final String KEY = "test-access-key";
    static final String BODY = "{\"activity\":\"newInstance\",\"businessId\":\"87b94795-0603-4e24-8ae5-69420d60e3c8\","
            + "\"orderId\":\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
    static final String SIGNED_URL = "https://www.isvwebsite.com/saasproduce?signature="
            + "271544ACDAC82601D0A6615631C4DB54120D5EA32FC968493C8064281E125C7A&timestamp=1680508066618&nonce="
            + "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";

    @Test
    void aRecordedV2RequestIsValidWithoutTheTimeCheck() {
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--url", SIGNED_URL, "--body", BODY, "--no-time-check");
        assertThat(cli.out()).isEqualTo("valid\n");
        assertThat(cli.exitCode()).isZero();
    }

    @Test
    void aRecordedV2RequestIsStaleWithTheTimeCheck() {
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--url", SIGNED_URL, "--body", BODY);
        assertThat(cli.out()).startsWith("invalid: timestamp").contains("60 s");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void aFreshlySignedV2RequestIsValidWithTheTimeCheck() {
        String ts = Long.toString(System.currentTimeMillis());
        String sig = Cli.run("sign", "v2", "--key", KEY, "--timestamp", ts, "--nonce", "abc", "--body", BODY).out().trim();
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--url",
                "https://isv.example/saasproduce?signature=" + sig + "&timestamp=" + ts + "&nonce=abc", "--body", BODY);
        assertThat(cli.out()).isEqualTo("valid\n");
    }

    @Test
    void aTamperedV2BodyIsInvalid() {
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--url", SIGNED_URL, "--body", BODY.replace("000001", "000002"),
                "--no-time-check");
        assertThat(cli.out()).isEqualTo("invalid: invalid signature\n");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void theSpecsExampleUrlIsInvalidUnderAnyKeyWeKnow() {
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--no-time-check", "--url",
                "https://www.isvwebsite.com/saasproduce?signature=11C4CD6279191DE931DEF5C51531DFFA9D37969F4E356B8A3A6D8DE4FB357A48"
                        + "&timestamp=1680508066618&nonce=50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA",
                "--body", BODY);
        assertThat(cli.out()).isEqualTo("invalid: invalid signature\n");
    }

    @Test
    void aV2UrlWithoutSignatureIsInvalidAndSaysSo() {
        Cli cli = Cli.run("verify", "v2", "--key", KEY, "--url", "https://isv.example/p?timestamp=1&nonce=n", "--body", "{}");
        assertThat(cli.out()).isEqualTo("invalid: missing signature\n");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void aV1UrlWithAWrongTokenIsInvalid() {
        Cli cli = Cli.run("verify", "v1", "--key", "k", "--url",
                "https://isv.example/p?activity=newInstance&timeStamp=20200812064113011&authToken=abc");
        assertThat(cli.out()).isEqualTo("invalid: invalid authToken\n");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void aV1UrlWithoutTimeStampIsInvalidNamingIt() {
        Cli cli = Cli.run("verify", "v1", "--key", "k", "--url", "https://isv.example/p?activity=x&authToken=abc");
        assertThat(cli.out()).isEqualTo("invalid: timeStamp: missing\n");
    }

    @Test
    void aV1UrlWithAMalformedEscapeIsInvalidNamingTheParameter() {
        Cli cli = Cli.run("verify", "v1", "--key", "k", "--url", "https://isv.example/p?orderId=%ZZ&authToken=abc");
        assertThat(cli.out()).startsWith("invalid: orderId: malformed percent escape");
        assertThat(cli.exitCode()).isEqualTo(1);
    }

    @Test
    void verifyWithoutAKindExitsTwo() {
        assertThat(Cli.run("verify").exitCode()).isEqualTo(2);
    }
}
