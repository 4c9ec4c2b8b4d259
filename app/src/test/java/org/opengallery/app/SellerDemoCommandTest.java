package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SellerDemoCommandTest {

    @Test
    void anOpenApiUrlWithoutAkAndSkExitsTwoBeforeStartingAnything() {
        Cli cli = Cli.run("seller-demo", "--port", "18099", "--access-key", "k", "--open-api-url", "http://127.0.0.1:9");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--ak and --sk");
        assertThat(cli.oneLineOfError()).isTrue();
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anUnknownEncryptTypeExitsTwo() {
        Cli cli = Cli.run("seller-demo", "--port", "18099", "--access-key", "k", "--encrypt-type", "3");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("encryptType must be 1 (AES-256) or 2 (AES-128)");
    }

    @Test
    void aPortOutOfRangeExitsTwo() {
        Cli cli = Cli.run("seller-demo", "--port", "70000", "--access-key", "k");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--port must be 1-65535");
    }

    @Test
    void theAccessKeyServesEveryTypeUnlessOwnKeysAreGiven() {
        SellerDemoCommand command = new SellerDemoCommand();
        new CommandLine(command).parseArgs("--port", "8080", "--access-key", "shared", "--v1-key", "v1");
        Map<String, Object> properties = command.properties();
        assertThat(properties).containsEntry("opengallery.seller.access-key", "shared")
                .containsEntry("opengallery.seller.v1-key", "v1")
                .doesNotContainKey("opengallery.seller.kit-key")
                .containsEntry("seller-demo.public-url", "http://127.0.0.1:8080")
                .doesNotContainKey("seller-demo.jdbc-url");
    }
}
