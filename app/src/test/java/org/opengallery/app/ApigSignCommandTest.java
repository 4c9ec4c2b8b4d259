package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApigSignCommandTest {

    static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    static final String SIGNATURE = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

    @Test
    void huaweisDocumentedRequestSignsToItsPublishedSignature() {
        Cli cli = Cli.run("sign", "apig", "--ak", "AK-EXAMPLE", "--sk", SK, "--method", "GET", "--date", "20191115T033655Z",
                "--url", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                        + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
                "--header", "Content-Type: application/json");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("SDK-HMAC-SHA256 Access=AK-EXAMPLE, SignedHeaders=content-type;host;x-sdk-date, "
                + "Signature=" + SIGNATURE + "\n");
    }

    @Test
    void theBodyIsPartOfTheSignature() {
        String[] base = {"sign", "apig", "--ak", "AK", "--sk", "SK", "--method", "POST", "--date", "20191115T033655Z",
            "--url", "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/isv/usage-data"};
        String empty = Cli.run(base).out();
        String[] withBody = java.util.Arrays.copyOf(base, base.length + 2);
        withBody[base.length] = "--body";
        withBody[base.length + 1] = "{\"usage_records\":[]}";
        assertThat(Cli.run(withBody).out()).isNotEqualTo(empty).startsWith("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, ");
    }

    @Test
    void aMalformedDateExitsTwo() {
        Cli cli = Cli.run("sign", "apig", "--ak", "AK", "--sk", "SK", "--method", "GET", "--date", "2019-11-15",
                "--url", "https://h/p");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("X-Sdk-Date");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void aHeaderWithoutColonExitsTwo() {
        Cli cli = Cli.run("sign", "apig", "--ak", "AK", "--sk", "SK", "--method", "GET", "--date", "20191115T033655Z",
                "--url", "https://h/p", "--header", "Content-Type application/json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'Name: value'");
    }

    @Test
    void aUrlWithoutHostExitsTwo() {
        Cli cli = Cli.run("sign", "apig", "--ak", "AK", "--sk", "SK", "--method", "GET", "--date", "20191115T033655Z",
                "--url", "/api/only-a-path");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("scheme and host");
    }

    @Test
    void theSecretKeyNeverAppearsInErrors() {
        Cli cli = Cli.run("sign", "apig", "--ak", "AK", "--sk", "VERY-SECRET", "--method", "G E T", "--date",
                "20191115T033655Z", "--url", "https://h/p");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).doesNotContain("VERY-SECRET");
    }
}
