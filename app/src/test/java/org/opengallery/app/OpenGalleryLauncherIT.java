package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@code ./opengallery} from the repository root against the jar this build just packaged. */
class OpenGalleryLauncherIT {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    record Run(int exitCode, String out, String err) {
    }

    static Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("opengallery").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("og-out", ".txt");
        Path err = Files.createTempFile("og-err", ".txt");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    @Test
    void theLauncherRunsTheFreshJarWithoutRebuilding() throws Exception {
        assertThat(new File(ROOT.toFile(), "app/target/opengallery.jar")).exists();
        Run run = launch("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("sign", "verify", "encrypt", "decrypt", "check", "demo");
        assertThat(run.err()).as("no build line: the jar is newer than every source").isEmpty();
    }

    @Test
    void aToolPrintsExactlyItsValue() throws Exception {
        Run run = launch("sign", "usage", "--key", "test-access-key", "--ts", "1709690865879", "--nonce",
                "6c63c221-1f6b-4141-8ff4-22f5dfe82b65", "--body",
                "{\"usage_records\":[{\"instance_id\":\"7f141bf1-aec8-4859-8323-fb3a8ad50721\","
                        + "\"record_time\":\"20220809T091000Z\",\"begin_time\":\"20220809T080000Z\",\"end_time\":"
                        + "\"20220809T090000Z\",\"usage_value\":\"1.5\",\"metering_sn\":\"sn-0001\"}]}");
        assertThat(run.out()).isEqualTo("0hyyRT0TCV3gH6Mnc4K2n6f58Dp1EAY/zJrhtWLtd2M=\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void badInputExitsTwoWithOneLineOnStderr() throws Exception {
        Run run = launch("sign", "v2", "--key", "k", "--nonce", "n", "--body", "{}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--timestamp").endsWith("\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void verifyExitsOneForAnInvalidRequest() throws Exception {
        Run run = launch("verify", "v1", "--key", "k", "--url", "https://isv.example/p?timeStamp=1&authToken=x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("invalid: invalid authToken\n");
    }

    @Test
    void demoStartsTheMarketplaceAndTheReferenceSellerAndWritesDemoJson() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("opengallery-demo-it");
        Process demo = new ProcessBuilder(ROOT.resolve("opengallery").toString(), "demo", "--port", "0", "--data",
                data.toString()).directory(ROOT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                printed.append(line).append('\n');
                if (line.startsWith("written to")) {
                    break;
                }
            }
            assertThat(printed).contains("marketplace   http://127.0.0.1:", "  buyer       demo-buyer / ", "  operator    operator / ");
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(data.resolve("demo.json").toFile());
            java.net.http.HttpResponse<String> products = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(json.path("marketplaceUrl").asText()
                            + "/api/v1/products")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(products.statusCode()).isEqualTo(200);
            assertThat(products.body()).contains("notes-basic", "notes-metered");
        } finally {
            demo.destroy();
            demo.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void sellerDemoPrintsOneReadyLineAndAnswersSignedRequests() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process demo = new ProcessBuilder(ROOT.resolve("opengallery").toString(), "seller-demo", "--port",
                String.valueOf(port), "--access-key", "it-key").directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("seller-demo listening on http://127.0.0.1:" + port + "/saasproduce");
            String body = "{\"activity\":\"newInstance\",\"businessId\":\"it-1\",\"orderId\":\"CS1\","
                    + "\"orderLineId\":\"CS1-000001\"}";
            String ts = String.valueOf(System.currentTimeMillis());
            String sig = org.opengallery.protocol.v2.SignatureScheme.URL.sign("it-key", ts, "n1",
                    body.getBytes(StandardCharsets.UTF_8));
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                            + "/saasproduce?signature=" + sig + "&timestamp=" + ts + "&nonce=n1"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("\"resultCode\":\"000000\"").contains("\"instanceId\":\"it-1\"");
            assertThat(out.ready()).as("nothing else on stdout").isFalse();
        } finally {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSellerBenchmarkPrintsTheKitNextToTheFloor() throws Exception {
        Run run = launch("bench", "seller", "--orders", "50", "--warmup", "20", "--rate", "0", "--jdbc-url", "memory");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kit store in memory").containsPattern("floor +max throughput +200 +0 ")
                .containsPattern("kit +max throughput +200 +0 ").containsPattern("kit/floor throughput: \\d+ %");
    }
}
