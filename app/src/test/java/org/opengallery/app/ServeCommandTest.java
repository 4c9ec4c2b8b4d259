package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void servesOnAnEmbeddedDatabaseFileUnderTheDataDirectory(@TempDir Path data) throws Exception {
        ServeCommand command = new ServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        cli.parseArgs("--port", "0", "--data", data.toString());
        try (ConfigurableApplicationContext context = command.start()) {
            assertThat(out.toString()).matches("marketplace listening on http://127\\.0\\.0\\.1:\\d+/\\R");
            assertThat(Files.list(data).map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("marketplace.") && name.endsWith(".db"));
            String url = out.toString().trim().substring("marketplace listening on ".length());
            HttpResponse<String> docs = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("\"openapi\"");
        }
    }

    @Test
    void aJdbcUrlThatIsNotJdbcExitsTwo() {
        Cli cli = Cli.run("serve", "--jdbc-url", "postgres://x");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--jdbc-url must start with jdbc:");
    }

    @Test
    void theMarketplaceIsNotASeller() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(command.properties()).containsEntry("opengallery.seller.enabled", "false")
                .containsEntry("opengallery.marketplace.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test");
    }
}
