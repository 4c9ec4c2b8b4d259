package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void benchWithoutABenchmarkExitsTwo() {
        Cli cli = Cli.run("bench");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("choose a benchmark: seller");
    }

    @Test
    void nonPositiveSizesExitTwoBeforeStartingAnything() {
        Cli cli = Cli.run("bench", "seller", "--orders", "0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("must be positive");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void theTargetIsStartedAsThisSameProgramInItsOwnJvm() {
        assertThat(BenchCommand.Seller.targetCommand()).contains("bench-target", "-Dsun.net.httpserver.nodelay=true");
    }
}
