package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckSettingsTest {

    private static final URI SELLER = URI.create("https://isv.example/saasproduce");

    @Test
    void theProductionAddressMustBeAnHttpUrlWithAHost() {
        assertThatThrownBy(() -> CheckSettings.of(URI.create("ftp://isv.example/saasproduce"), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> CheckSettings.of(URI.create("/saasproduce"), "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyMustNotBeEmptyAndTheTimeoutMustBePositive() {
        assertThatThrownBy(() -> CheckSettings.of(SELLER, " ")).hasMessageContaining("access key");
        assertThatThrownBy(() -> CheckSettings.of(SELLER, "k").withProvisioningTimeout(Duration.ZERO))
                .hasMessageContaining("positive");
    }

    @Test
    void printingTheSettingsHidesTheKey() {
        assertThat(CheckSettings.of(SELLER, "very-secret-key").toString()).doesNotContain("very-secret-key");
    }
}
