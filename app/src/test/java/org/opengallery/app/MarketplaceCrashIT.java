package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.SellerKit;

/**
 * The marketplace-core crash test: {@code kill -9} the marketplace ({@code ./opengallery demo}, a process of its
 * own) right after the 500th payment, while it delivers the 500 orders to a seller on the kit (in this JVM, so it
 * survives the kill; slow while the test pays, so that most deliveries are still to do at the kill); after a
 * restart on the same data every order reaches COMPLETED with its instance RUNNING, and the seller's code created
 * each instance exactly once, with the instanceId the marketplace shows.
 *
 * <p>The database is a fresh schema of PostgreSQL at 127.0.0.1:5432/test when it is reachable (dropped afterwards),
 * else the embedded H2 file under the data directory ({@code -Dopengallery.test.db=h2} forces H2). The test prints
 * one summary line starting with {@code crash test:}.
 */
class MarketplaceCrashIT {

    static final Path ROOT = OpenGalleryLauncherIT.ROOT;
    static final ObjectMapper JSON = new ObjectMapper();
    static final int ORDERS = 500;
    /**
     * The seller's time per create: slow while the test pays (so that most orders are still to deliver when the
     * last payment returns and the marketplace is killed), fast afterwards.
     */
    static final Duration SELLER_WORK_WHILE_PAYING = Duration.ofMillis(1500);
    static final Duration SELLER_WORK = Duration.ofMillis(20);
    static final Duration FINISH_WITHIN = Duration.ofMinutes(3);
    static final String SELLER_KEY = "crash-test-access-key-0123456789";
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // What reached the seller: raw newInstance requests per order line (retries included), and its code's runs.
    final Map<String, AtomicInteger> createRequests = new ConcurrentHashMap<>();
    final AtomicInteger queryRequests = new AtomicInteger();
    final AtomicInteger otherRequests = new AtomicInteger();
    final Map<String, List<String>> createdBySellerCode = new ConcurrentHashMap<>();
    final AtomicInteger sellerCodeFinished = new AtomicInteger();
    volatile boolean paying = true;

    @Test
    void everyOrderIsDeliveredExactlyOnceAfterAKillDashNine() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The kit logs each delivery at INFO: 500 lines of noise here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.opengallery.sellerkit"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path data = Files.createTempDirectory("opengallery-crash-it");
        String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String jdbcUrl = postgresReachable() ? POSTGRES.replace("?", "?currentSchema=" + schema + "&") : null;
        String database = jdbcUrl != null ? "PostgreSQL 127.0.0.1:5432/test schema " + schema
                : "H2 file " + data.resolve("marketplace.mv.db");
        if (jdbcUrl != null) {
            sql("CREATE SCHEMA " + schema);
        }
        SellerKit kit = SellerKit.builder().basicKey(SELLER_KEY).seller(order -> {
            Thread.sleep((paying ? SELLER_WORK_WHILE_PAYING : SELLER_WORK).toMillis());
            createdBySellerCode.computeIfAbsent(order.orderLineId(), line -> Collections.synchronizedList(new ArrayList<>()))
                    .add(order.instanceId());
            sellerCodeFinished.incrementAndGet();
            return new AppInfo("https://notes.example.com/" + order.instanceId(), null, "admin", "pw-" + order.instanceId(), null);
        }).build().start();
        HttpServer seller = sellerServer(kit);
        String sellerUrl = "http://127.0.0.1:" + seller.getAddress().getPort() + "/saasproduce";
        Marketplace first = null;
        Marketplace second = null;
        boolean passed = false;
        try {
            first = Marketplace.start(data, jdbcUrl, sellerUrl, 1);
            JsonNode demo = first.demo;
            String api = demo.path("marketplaceUrl").asText();
            String token = demo.path("buyer").path("apiToken").asText();

            List<String> orderIds = placeAndPay(api, token);
            paying = false;

            // Kill -9 as soon as every order is paid: some are delivered, the rest are being or waiting to be.
            Map<String, String> statuses = statuses(api, token);
            int completedBeforeKill = count(statuses, "COMPLETED");
            long pid = first.process.pid();
            assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse(""))
                    .as("the launcher exec'd java: the process we kill is the marketplace").endsWith("java");
            first.process.destroyForcibly(); // SIGKILL on Linux
            int sellerCodeAtKill = sellerCodeFinished.get();
            int createRequestsAtKill = total(createRequests);
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int exit = first.process.exitValue();
            assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(completedBeforeKill).as("killed while delivering: some orders done, not all")
                    .isBetween(1, ORDERS - 1);

            long restart = System.nanoTime();
            second = Marketplace.start(data, jdbcUrl, sellerUrl, 2);
            long ready = System.nanoTime();
            api = second.demo.path("marketplaceUrl").asText();
            token = second.demo.path("buyer").path("apiToken").asText();
            long deadline = restart + FINISH_WITHIN.toNanos();
            while (true) {
                statuses = statuses(api, token);
                if (count(statuses, "COMPLETED") == ORDERS || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(250);
            }
            long finished = System.nanoTime();
            assertThat(histogram(statuses)).as("every order completed within " + FINISH_WITHIN + " of the restart;"
                    + " marketplace log: " + second.log).isEqualTo(Map.of("COMPLETED", ORDERS));
            assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(orderIds);

            // Exactly once: the seller's code ran once per order line, 500 distinct instances, each the one the
            // marketplace shows for that line, RUNNING.
            Map<String, String> orderLines = new HashMap<>();
            for (JsonNode o : call("GET", api + "/api/v1/orders", token, null, 200)) {
                orderLines.put(o.path("orderId").asText(), o.path("orderLineId").asText());
            }
            assertThat(createdBySellerCode).hasSize(ORDERS);
            assertThat(createdBySellerCode.keySet()).containsExactlyInAnyOrderElementsOf(orderLines.values());
            createdBySellerCode.forEach((line, created) ->
                    assertThat(created).as("seller code runs for order line " + line).hasSize(1));
            Set<String> distinct = new HashSet<>();
            createdBySellerCode.values().forEach(distinct::addAll);
            assertThat(distinct).hasSize(ORDERS);
            Map<String, JsonNode> instanceByLine = new HashMap<>();
            for (JsonNode i : call("GET", api + "/api/v1/instances", token, null, 200)) {
                assertThat(instanceByLine.put(i.path("orderLineId").asText(), i)).as("one instance per order line")
                        .isNull();
            }
            for (String line : orderLines.values()) {
                JsonNode instance = instanceByLine.get(line);
                assertThat(instance).as("the marketplace's instance of " + line).isNotNull();
                assertThat(instance.path("status").asText()).as(line).isEqualTo("RUNNING");
                assertThat(instance.path("instanceId").asText()).as("instanceId of " + line)
                        .isEqualTo(createdBySellerCode.get(line).get(0));
            }
            assertThat(createRequests.keySet()).containsExactlyInAnyOrderElementsOf(orderLines.values());

            System.out.printf("crash test: %d orders; %d COMPLETED before the kill -9 (exit %d; seller code had"
                            + " finished %d, %d newInstance requests had arrived); %d newInstance requests reached the"
                            + " seller in all (%d order lines asked more than once, %d queryInstance, %d other);"
                            + " %d distinct instances created by seller code, once per order line; all %d COMPLETED"
                            + " and RUNNING %.1f s after the restart (marketplace up after %.1f s); database %s%n",
                    ORDERS, completedBeforeKill, exit, sellerCodeAtKill, createRequestsAtKill, total(createRequests),
                    createRequests.values().stream().filter(n -> n.get() > 1).count(), queryRequests.get(),
                    otherRequests.get(), distinct.size(), ORDERS, (finished - restart) / 1e9, (ready - restart) / 1e9,
                    database);
            passed = true;
        } finally {
            for (Marketplace m : new Marketplace[] {second, first}) {
                if (m != null) {
                    m.process.destroyForcibly();
                    m.process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            seller.stop(0);
            kit.close();
            if (jdbcUrl != null) {
                sql("DROP SCHEMA " + schema + " CASCADE");
            }
            if (passed) {
                delete(data);
            } else {
                System.out.println("crash test: data and marketplace logs kept in " + data);
            }
        }
    }

    /** Places and pays {@link #ORDERS} monthly basic orders, 8 at a time; returns their ids. */
    List<String> placeAndPay(String api, String token) throws Exception {
        ExecutorService buyers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                placed.add(buyers.submit(() -> {
                    String orderId = call("POST", api + "/api/v1/orders", token, "{\"skuCode\":\"notes-basic\","
                            + "\"periodType\":\"month\",\"periodNumber\":1,\"trial\":false}", 201).path("orderId").asText();
                    call("POST", api + "/api/v1/orders/" + orderId + "/pay", token, null, 200);
                    return orderId;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : placed) {
                ids.add(f.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            buyers.shutdownNow();
        }
    }

    /** The kit on the JDK's HTTP server, counting what arrives before the kit sees it. */
    HttpServer sellerServer(SellerKit kit) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                JsonNode request = JSON.readTree(body);
                switch (request.path("activity").asText()) {
                    case "newInstance" -> createRequests.computeIfAbsent(request.path("orderLineId").asText(),
                            line -> new AtomicInteger()).incrementAndGet();
                    case "queryInstance" -> queryRequests.incrementAndGet();
                    default -> otherRequests.incrementAndGet();
                }
            } catch (IOException notJson) {
                otherRequests.incrementAndGet();
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            KitResponse answer = kit.handle(new KitRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body));
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        return server;
    }

    /** One {@code ./opengallery demo} process delivering to the outside seller; ready when demo.json is written. */
    record Marketplace(Process process, JsonNode demo, Path log) {

        static Marketplace start(Path data, String jdbcUrl, String sellerUrl, int run) throws Exception {
            List<String> command = new ArrayList<>(List.of(ROOT.resolve("opengallery").toString(), "demo", "--port",
                    "0", "--data", data.toString(), "--seller-url", sellerUrl, "--seller-key", SELLER_KEY,
                    "--seller-protocol", "v2", "--buyer-balance", "10000"));
            if (jdbcUrl != null) {
                command.addAll(List.of("--jdbc-url", jdbcUrl));
            }
            Path log = data.resolve("marketplace-" + run + ".log");
            Files.deleteIfExists(data.resolve("demo.json"));
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                printed.append(line).append('\n');
                if (line.startsWith("written to")) {
                    return new Marketplace(process, JSON.readTree(data.resolve("demo.json").toFile()), log);
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the marketplace (run " + run + ") did not start: " + printed + "\n"
                    + Files.readString(log));
        }
    }

    /** orderId → status of every order of the buyer. */
    Map<String, String> statuses(String api, String token) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode o : call("GET", api + "/api/v1/orders", token, null, 200)) {
            statuses.put(o.path("orderId").asText(), o.path("status").asText());
        }
        return statuses;
    }

    static int count(Map<String, String> statuses, String status) {
        return (int) statuses.values().stream().filter(status::equals).count();
    }

    static Map<String, Integer> histogram(Map<String, String> statuses) {
        Map<String, Integer> h = new TreeMap<>();
        statuses.values().forEach(s -> h.merge(s, 1, Integer::sum));
        return h;
    }

    static int total(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    JsonNode call(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + url + " → " + r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    static boolean postgresReachable() {
        if ("h2".equalsIgnoreCase(System.getProperty("opengallery.test.db"))) {
            return false;
        }
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(POSTGRES)) {
            return c.isValid(3);
        } catch (SQLException unreachable) {
            return false;
        }
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
