package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenGalleryTest {

    @Test
    void helpListsEverySubcommand() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("demo", "sign", "verify", "encrypt", "decrypt", "check", "seller-demo", "bench");
    }

    @Test
    void eachCommandExplainsItself() {
        for (String[] command : new String[][] {{"demo"}, {"sign"}, {"sign", "v1"}, {"sign", "body"}, {"sign", "v2"},
                {"sign", "kit"}, {"sign", "usage"}, {"sign", "apig"}, {"verify"}, {"verify", "v1"}, {"verify", "v2"},
                {"encrypt"}, {"decrypt"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(cli.out()).as(String.join(" ", command)).startsWith("Usage: opengallery " + String.join(" ", command));
        }
    }

    @Test
    void anUnknownCommandExitsTwoWithOneLine() {
        Cli cli = Cli.run("frobnicate");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void demoWithAnOutsideSellerButNoKeyExitsTwoBeforeStartingAnything() {
        Cli cli = Cli.run("demo", "--seller-url", "https://isv.example.com/saasproduce");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--seller-url needs --seller-key");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void demoWithAnUnknownProtocolExitsTwo() {
        Cli cli = Cli.run("demo", "--seller-protocol", "v3");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--seller-protocol must be v1 or v2");
    }
}
