package org.opengallery.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.sellerdemo.SellerDemoApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the reference seller: a team-notes SaaS delivered by KooGallery or OpenGallery through the seller kit. */
@Command(name = "seller-demo", mixinStandardHelpOptions = true,
        description = {"Start the reference seller, a multi-tenant team-notes SaaS built on the seller kit, and print"
                + " one line with its production address when it is ready.",
            "--access-key serves every interface type unless --v1-key or --kit-key are given. Without --open-api-url"
                    + " orders are provisioned on a default plan (the order cannot be read). The database is an"
                    + " embedded in-memory H2 unless --jdbc-url is given."})
final class SellerDemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private volatile ConfigurableApplicationContext running;

    @Option(names = "--port", required = true, description = "The HTTP port.")
    int port;

    @Option(names = "--access-key", required = true, description = "The key for every interface type not given on its own.")
    String accessKey;

    @Option(names = "--v1-key", description = "The V1 Key (authToken, Body-Sign, credential cipher).")
    String v1Key;

    @Option(names = "--kit-key", description = "The joint-operation sync key.")
    String kitKey;

    @Option(names = "--encrypt-type", defaultValue = "1", paramLabel = "1|2", description = "V1 credential cipher: 1 AES-256, 2 AES-128.")
    String encryptType;

    @Option(names = "--open-api-url", description = "KooGallery's (or OpenGallery's) open API, for Query Order and usage push.")
    String openApiUrl;

    @Option(names = "--ak", description = "The access key id for the open API.")
    String ak;

    @Option(names = "--sk", description = "The secret access key for the open API.")
    String sk;

    @Option(names = "--jdbc-url", description = "The database, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres.")
    String jdbcUrl;

    @Option(names = "--public-url", description = "Where buyers reach the workspaces; default http://127.0.0.1:PORT.")
    String publicUrl;

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = start(Map.of());
        ContextClosed closed = ContextClosed.watch(context);
        spec.commandLine().getOut().println("seller-demo listening on http://127.0.0.1:" + port + "/saasproduce");
        spec.commandLine().getOut().flush();
        closed.await();
        return 0;
    }

    /** Checks the options and starts the seller; {@code extra} properties (e.g. its plans) win over the options'. */
    ConfigurableApplicationContext start(Map<String, Object> extra) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1-65535, got " + port);
        }
        EncryptType.fromCode(encryptType);
        if (openApiUrl != null && (ak == null || sk == null)) {
            throw new ParameterException(spec.commandLine(), "--open-api-url needs --ak and --sk (the seller's AK/SK)");
        }
        Map<String, Object> all = new LinkedHashMap<>(properties());
        all.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SellerDemoApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(all)
                .run();
        running = context;
        return context;
    }

    /**
     * Stops a running seller: {@link #call()} then returns 0. Ctrl-C does the same through Spring's shutdown hook;
     * this is for a caller in the same JVM (a test). Does nothing before the ready line is printed.
     */
    void stop() {
        ConfigurableApplicationContext context = running;
        if (context != null) {
            context.close();
        }
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        // seller-demo.properties: the marketplace's application.properties is on this jar's classpath too.
        p.put("spring.config.name", SellerDemoApplication.CONFIG_NAME);
        p.put("server.port", port);
        p.put("server.address", "127.0.0.1");
        p.put("opengallery.seller.access-key", accessKey);
        putIfSet(p, "opengallery.seller.v1-key", v1Key);
        putIfSet(p, "opengallery.seller.kit-key", kitKey);
        p.put("opengallery.seller.encrypt-type", encryptType);
        putIfSet(p, "opengallery.seller.open-api.base-url", openApiUrl);
        putIfSet(p, "opengallery.seller.open-api.ak", ak);
        putIfSet(p, "opengallery.seller.open-api.sk", sk);
        putIfSet(p, "seller-demo.jdbc-url", jdbcUrl);
        p.put("seller-demo.public-url", publicUrl != null ? publicUrl : "http://127.0.0.1:" + port);
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String name, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(name, value);
        }
    }
}
