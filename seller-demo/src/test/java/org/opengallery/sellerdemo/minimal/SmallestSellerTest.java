package org.opengallery.sellerdemo.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.CheckSettings;
import org.opengallery.conformance.ConformanceCheck;
import org.opengallery.conformance.Report;
import org.opengallery.conformance.Summary;

class SmallestSellerTest {

    @Test
    void theSmallestSellerCreatesQueriesAndRejectsForgeriesButImplementsNothingElse() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = SmallestSeller.start("smallest-key", 0);
        try {
            StringWriter out = new StringWriter();
            Summary summary = new ConformanceCheck(CheckSettings.of(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/saasproduce"), "smallest-key")
                    .withProvisioningTimeout(Duration.ofSeconds(10)), null).run(new Report(new PrintWriter(out, true)));
            String report = out.toString();
            assertThat(report).contains("PASS create", "PASS create-again-same-instance", "PASS query-one",
                    "PASS reject-wrong-signature", "PASS reject-replayed-nonce");
            // It implements newInstance only: renewals and releases answer "not supported", so those cases fail.
            assertThat(report).contains("FAIL refresh-renewal");
            assertThat(summary.failed()).isPositive();
        } finally {
            server.stop(0);
        }
    }
}
