package org.opengallery.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengallery.marketplace.MarketplaceApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the marketplace: on an embedded database file under the data directory unless --jdbc-url says otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the marketplace and print one line with its URL when it is ready.",
            "The database is an embedded file under --data (default ./data) unless --jdbc-url names another,"
                    + " e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Migrations run on start."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "The HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--jdbc-url", description = "The database; default an embedded H2 file under --data.")
    String jdbcUrl;

    @Option(names = "--data", defaultValue = "data", description = "The directory of the embedded database and the master key (default ./${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext context = start();
        ContextClosed.watch(context).await();
        return 0;
    }

    /** Starts the marketplace and prints its URL; the caller owns the context. */
    ConfigurableApplicationContext start() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new ParameterException(spec.commandLine(), "--jdbc-url must start with jdbc:, got " + jdbcUrl);
        }
        ConfigurableApplicationContext context = startMarketplace(properties(), data);
        int actualPort = port(context);
        spec.commandLine().getOut().println("marketplace listening on " + url(actualPort));
        spec.commandLine().getOut().flush();
        return context;
    }

    /** Starts the marketplace with these properties (see {@link #properties()}); the caller owns the context. */
    static ConfigurableApplicationContext startMarketplace(Map<String, Object> properties, Path data) throws java.io.IOException {
        Files.createDirectories(data);
        return MarketplaceApplication.builder()
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String url(int actualPort) {
        String shown = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        return "http://" + shown + ":" + actualPort + "/";
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("server.address", host);
        p.put("opengallery.marketplace.data-dir", data.toAbsolutePath().toString());
        if (jdbcUrl != null) {
            p.put("opengallery.marketplace.jdbc-url", jdbcUrl);
        }
        // The jar also carries the reference seller and its kit starter; the marketplace is not a seller.
        p.put("opengallery.seller.enabled", "false");
        return p;
    }
}
