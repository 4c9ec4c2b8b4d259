package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void eachCaseIsOneLineAndTheSummaryCountsThem() {
        StringWriter out = new StringWriter();
        Report report = new Report(new PrintWriter(out));

        report.record("create", Outcome.pass());
        report.record("change-check", Outcome.pass("the seller refuses the change: 000005"));
        report.record("release-again", new Outcome.Failed("the second releaseInstance answered 000003\nmore"));
        report.record("kit-application-sync-add", Outcome.skip("no --kit-public-key"));
        Summary summary = report.finish();

        assertThat(out.toString().replace("\r\n", "\n")).isEqualTo("PASS create\n"
                + "PASS change-check: the seller refuses the change: 000005\n"
                + "FAIL release-again: the second releaseInstance answered 000003 more\n"
                + "SKIP kit-application-sync-add: no --kit-public-key\n"
                + "2 passed, 1 failed, 1 skipped\n");
        assertThat(summary.exitCode()).isEqualTo(1);
    }

    @Test
    void onlyAFailureMakesTheExitCodeNonZero() {
        assertThat(new Summary(3, 0, 2).exitCode()).isZero();
        assertThat(new Summary(3, 0, 0).line()).isEqualTo("3 passed, 0 failed");
        assertThat(new Summary(0, 1, 0).exitCode()).isEqualTo(1);
    }
}
