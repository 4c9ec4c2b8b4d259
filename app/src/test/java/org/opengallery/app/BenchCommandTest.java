package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void benchWithoutABenchmarkExitsTwo() {
        Cli cli = Cli.run("bench");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("choose a benchmark: seller or delivery");
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

    @Test
    void deliveryRunsEndToEndAndPrintsTheFiguresNextToTheFloor() {
        Cli cli = Cli.run("bench", "delivery", "--orders", "12", "--callers", "3", "--seller-in-process");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
        assertThat(cli.out()).contains("delivery benchmark: embedded H2 file", "deliveries/s", "engine/floor: orders ")
                .containsPattern("floor +orders +12 +24 ")
                .containsPattern("engine +orders +12 +24 ")
                .containsPattern("floor +expiries +12 +12 ")
                .containsPattern("engine +expiries +12 +12 ")
                .contains("checked: ").containsPattern("engine +backlog +12 +24 ");
    }

    @Test
    void deliveryRejectsNonPositiveSizes() {
        Cli cli = Cli.run("bench", "delivery", "--orders", "0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("must be positive");
    }
}
