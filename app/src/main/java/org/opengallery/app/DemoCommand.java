package org.opengallery.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.demo.DemoShop;
import org.opengallery.marketplace.demo.DemoShop.DemoData;
import org.opengallery.marketplace.demo.DemoShop.DemoProduct;
import org.opengallery.marketplace.demo.DemoShop.SellerSetup;
import org.opengallery.protocol.cipher.EncryptType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The main job: the marketplace on an embedded database with a demo shop, and the reference seller it delivers to
 * (or an outside seller named by --seller-url). Prints what to try and writes it to DIR/demo.json.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the marketplace with demo data (an operator, a seller, a periodic SaaS product with"
                + " monthly and yearly SKUs, a pay-per-use product, a buyer with a balance) and the reference seller"
                + " it delivers to; print the URLs and logins to try and write them to DIR/demo.json.",
            "Running it again on the same --data keeps every order and instance and issues fresh passwords, token"
                    + " and AK/SK.",
            "--seller-url delivers to an outside seller instead (any seller written to KooGallery's documentation),"
                    + " configured with --seller-key."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "The marketplace's HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", defaultValue = "data", description = "The directory of the embedded databases and demo.json (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--jdbc-url", description = "The marketplace's database instead of the embedded one.")
    String jdbcUrl;

    @Option(names = "--seller-port", description = "The reference seller's port (default: the marketplace's port + 1).")
    Integer sellerPort;

    @Option(names = "--seller-url", description = "An outside seller's production address; no reference seller is started.")
    String sellerUrl;

    @Option(names = "--seller-key", description = "The key the outside seller is configured with (the V2 access key or the V1 Key).")
    String sellerKey;

    @Option(names = "--seller-protocol", defaultValue = "v2", paramLabel = "v1|v2", description = "The interface version the seller speaks (default ${DEFAULT-VALUE}).")
    String sellerProtocol;

    @Option(names = "--encrypt-type", defaultValue = "1", paramLabel = "1|2", description = "V1 credential cipher: 1 AES-256, 2 AES-128.")
    String encryptType;

    @Option(names = "--buyer-balance", paramLabel = "AMOUNT", description = "The demo buyer's balance when it is"
            + " created (default 1000.00); a buyer kept from an earlier run keeps its balance.")
    BigDecimal buyerBalance = DemoShop.BUYER_BALANCE;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext marketplace = start();
        ContextClosed.watch(marketplace).await();
        stop();
        return 0;
    }

    /** What {@link #start()} wrote to demo.json, as a map (for tests). */
    Map<String, Object> written;

    /** Starts everything, prints what to try and writes demo.json; {@link #stop()} stops it. */
    ConfigurableApplicationContext start() throws Exception {
        InterfaceVersion version = switch (sellerProtocol.toLowerCase()) {
            case "v1" -> InterfaceVersion.V1;
            case "v2" -> InterfaceVersion.V2;
            default -> throw new ParameterException(spec.commandLine(), "--seller-protocol must be v1 or v2, got " + sellerProtocol);
        };
        EncryptType cipher = EncryptType.fromCode(encryptType);
        if (sellerUrl != null && sellerKey == null) {
            throw new ParameterException(spec.commandLine(), "--seller-url needs --seller-key (the key that seller is configured with)");
        }
        if (sellerUrl == null && sellerKey != null) {
            throw new ParameterException(spec.commandLine(), "--seller-key is for an outside seller: give --seller-url too");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
        }
        if (sellerUrl != null && !(sellerUrl.startsWith("http://") || sellerUrl.startsWith("https://"))) {
            throw new ParameterException(spec.commandLine(), "--seller-url must start with http:// or https://, got " + sellerUrl);
        }
        if (buyerBalance.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "--buyer-balance must be zero or more, got " + buyerBalance);
        }
        PrintWriter out = spec.commandLine().getOut();

        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(serveArgs());
        ConfigurableApplicationContext marketplace = ServeCommand.startMarketplace(serve.properties(), data);
        running.add(marketplace);
        String marketplaceUrl = "http://127.0.0.1:" + ServeCommand.port(marketplace);

        int referenceSellerPort = sellerUrl != null ? -1 : referenceSellerPort(ServeCommand.port(marketplace));
        String productionUrl = sellerUrl != null ? sellerUrl : "http://127.0.0.1:" + referenceSellerPort + "/saasproduce";
        DemoData demo = marketplace.getBean(DemoShop.class)
                .seed(new SellerSetup(productionUrl, version, sellerKey, cipher), buyerBalance);

        if (sellerUrl == null) {
            running.add(startReferenceSeller(referenceSellerPort, marketplaceUrl, demo));
        }
        written = demoJson(marketplaceUrl, productionUrl, demo);
        Path json = data.resolve("demo.json");
        writePrivately(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(written));

        out.println("marketplace   " + marketplaceUrl + "/  (the storefront, 中文 by default, ?lang=en for English; JSON API: "
                + marketplaceUrl + "/swagger-ui.html)");
        out.println("seller        " + productionUrl + (sellerUrl == null ? "  (the reference seller, team notes)" : "  (outside seller)"));
        out.println("sign in at    " + marketplaceUrl + "/login with");
        out.println("  buyer       " + demo.buyer().login() + " / " + demo.buyer().password() + "  → " + marketplaceUrl
                + "/buyer/services (API token " + demo.buyerApiToken() + ")");
        out.println("  seller      " + demo.seller().login() + " / " + demo.seller().password() + "  → " + marketplaceUrl
                + "/seller (open API AK " + demo.openApi().accessKey() + ")");
        out.println("  operator    " + demo.operator().login() + " / " + demo.operator().password() + "  → " + marketplaceUrl
                + "/operator");
        out.println("try           curl -s -X POST -H 'Authorization: Bearer " + demo.buyerApiToken()
                + "' -H 'Content-Type: application/json' -d '{\"skuCode\":\"" + DemoShop.BASIC_SKU
                + "\",\"periodType\":\"month\",\"periodNumber\":1,\"trial\":false}' " + marketplaceUrl + "/api/v1/orders");
        out.println("written to    " + json.toAbsolutePath());
        out.flush();
        return marketplace;
    }

    void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
    }

    private String[] serveArgs() {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--data", data.toString()));
        if (jdbcUrl != null) {
            args.addAll(List.of("--jdbc-url", jdbcUrl));
        }
        return args.toArray(String[]::new);
    }

    private int referenceSellerPort(int marketplacePort) throws IOException {
        if (sellerPort != null) {
            return sellerPort;
        }
        if (port != 0) {
            return marketplacePort + 1;
        }
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private ConfigurableApplicationContext startReferenceSeller(int sellerPort, String marketplaceUrl, DemoData demo) {
        SellerDemoCommand seller = new SellerDemoCommand();
        new CommandLine(seller).parseArgs("--port", Integer.toString(sellerPort), "--access-key", demo.sellerKey(),
                "--encrypt-type", encryptType, "--open-api-url", marketplaceUrl, "--ak", demo.openApi().accessKey(),
                "--sk", demo.openApi().secretKey(),
                "--jdbc-url", "jdbc:h2:file:" + data.toAbsolutePath().resolve("seller-demo") + ";AUTO_SERVER=TRUE");
        return seller.start(Map.of(
                "seller-demo.plans.basic", DemoShop.BASIC_SKU + "," + DemoShop.METERED_SKU,
                "seller-demo.plans.pro", DemoShop.PRO_SKU));
    }

    private static Map<String, Object> demoJson(String marketplaceUrl, String sellerUrl, DemoData demo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("marketplaceUrl", marketplaceUrl);
        json.put("sellerUrl", sellerUrl);
        json.put("buyer", ordered("login", demo.buyer().login(), "password", demo.buyer().password(),
                "apiToken", demo.buyerApiToken()));
        json.put("seller", ordered("login", demo.seller().login(), "password", demo.seller().password(),
                "accessKey", demo.sellerKey(), "ak", demo.openApi().accessKey(), "sk", demo.openApi().secretKey()));
        json.put("operator", ordered("login", demo.operator().login(), "password", demo.operator().password()));
        List<Map<String, Object>> products = new ArrayList<>();
        for (DemoProduct p : demo.products()) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("productId", p.productId());
            product.put("skuCode", p.skuCode());
            product.put("chargingMode", p.chargingMode());
            product.put("periodType", p.periodType());
            products.add(product);
        }
        json.put("products", products);
        return json;
    }

    private static Map<String, Object> ordered(String... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** demo.json holds passwords and keys: readable by its owner only where the file system can say so. */
    private static void writePrivately(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}
