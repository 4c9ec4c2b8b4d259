package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void itPrintsExactlyOneLineWithItsAddressWhenReadyAndStopsWhenAsked() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OpenGallery.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        SellerDemoCommand command = cli.getSubcommands().get("seller-demo").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("seller-demo",
                "--port", String.valueOf(port), "--access-key", "k",
                "--jdbc-url", "jdbc:h2:mem:seller-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (out.toString().isEmpty() && !exit.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String ready = "seller-demo listening on http://127.0.0.1:" + port + "/saasproduce\n";
            assertThat(out.toString()).as(err::toString).isEqualTo(ready);
            // The line means ready: a workspace page answers at once (404, no such workspace).
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/t/none/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(404);
            command.stop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).as("nothing more on stdout").isEqualTo(ready);
        } finally {
            command.stop();
        }
    }
}
