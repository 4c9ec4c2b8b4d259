package org.opengallery.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.opengallery.marketplace.MarketplaceApplication;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.NewProduct;
import org.opengallery.marketplace.catalog.NewSku;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Price;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.instance.InstanceLifecycle;
import org.opengallery.marketplace.order.Orders;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.UpdateInstanceStatusRequest;
import org.opengallery.protocol.message.v2.V2Request;
import org.opengallery.protocol.v2.SignatureScheme;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.springframework.boot.Banner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench delivery}: N paid orders delivered by the marketplace's engine (newInstance + queryInstance each)
 * and a wave of N expiries (updateInstanceStatus FREEZE each) to a local seller, next to the floor: the same
 * signed HTTP calls to the same seller made directly from this JVM with as many concurrent callers as the engine
 * has threads. Progress goes to stderr, the figures to stdout.
 */
public final class DeliveryBenchmark {

    /** One measured run. */
    record Figures(String who, String what, int n, int calls, double seconds, double cpuHere, double cpuSeller,
                   double cpuDb) {
        double perSecond() {
            return n / seconds;
        }

        String line() {
            return String.format("%-7s %-9s %7d %7d %9.2f %12.0f %9.0f %7.1f %7.1f %7.1f", who, what, n, calls, seconds,
                    perSecond(), calls / seconds, cpuHere, cpuSeller, cpuDb);
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final int orders;
    private final int callers;

    public DeliveryBenchmark(PrintWriter out, PrintWriter err, int orders, int callers) {
        this.out = out;
        this.err = err;
        this.orders = orders;
        this.callers = callers;
    }

    /**
     * @param sellerCommand how to start the seller JVM (this program's {@code bench-target}), or null to serve
     *     the seller in this JVM
     * @param jdbcUrl PostgreSQL (a fresh schema is created in it and dropped after) or another JDBC URL; null
     *     for an embedded H2 file in a temporary directory, as {@code serve} uses by default
     */
    public int run(List<String> sellerCommand, String jdbcUrl) throws Exception {
        String key = randomKey();
        int port = freePort();
        String sellerUrl = "http://127.0.0.1:" + port + "/saasproduce";
        Path data = Files.createTempDirectory("og-bench-delivery");
        String schema = null;
        String url = jdbcUrl;
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            schema = "og_bench_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        Process sellerJvm = null;
        HttpServer sellerHere = null;
        ConfigurableApplicationContext context = null;
        try {
            progress("starting the seller " + (sellerCommand == null ? "in this JVM" : "in its own JVM"));
            if (sellerCommand == null) {
                sellerHere = BenchTarget.start("delivery", port, key, null, 2 * Runtime.getRuntime().availableProcessors() + 8);
            } else {
                List<String> command = new ArrayList<>(sellerCommand);
                command.addAll(List.of("--kind", "delivery", "--port", String.valueOf(port), "--key", key));
                sellerJvm = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                awaitListening(sellerJvm);
            }
            progress("starting the marketplace on " + (url == null ? "an embedded H2 file" : describe(url)));
            BenchClock clock = new BenchClock();
            context = startMarketplace(url, data, clock);
            Environment env = context.getEnvironment();
            Scheduler scheduler = context.getBean(Scheduler.class);
            int threads = env.getProperty("db-scheduler.threads", Integer.class, 10);
            String polling = context.getBean(DbSchedulerProperties.class).getPollingStrategy().name().toLowerCase()
                    .replace('_', '-');
            Shop shop = Shop.seed(context, sellerUrl, key, callers);

            int warm = Math.min(1000, Math.max(10, orders / 2));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Floor floor = new Floor(http, sellerUrl, key, threads);
            progress("warming up: " + warm + " orders and expiries through the floor and the engine");
            floor.deliveries(warm);
            floor.expiries(warm);
            shop.deliver(new Cpu(null, false), warm, PeriodType.MONTH, callers);
            clock.advance(Duration.ofDays(40));
            shop.expire(warm);

            progress("floor: " + orders + " deliveries (newInstance + queryInstance) from " + threads + " callers");
            Cpu cpu = new Cpu(sellerJvm == null ? null : sellerJvm.toHandle(), url != null && url.startsWith("jdbc:postgresql:"));
            Figures floorOrders = cpu.measure("floor", "orders", orders, 2 * orders, () -> floor.deliveries(orders));
            progress("floor: " + orders + " updateInstanceStatus from " + threads + " callers");
            Figures floorExpiries = cpu.measure("floor", "expiries", orders, orders, () -> floor.expiries(orders));

            progress("engine: placing " + orders + " orders (not timed), then paying them from " + callers
                    + " callers until every instance is RUNNING");
            Figures engineOrders = cpu.measure("engine", "orders", orders, 2 * orders,
                    () -> shop.deliver(cpu, orders, PeriodType.MONTH, callers));
            progress("engine: paying " + orders + " more orders with the scheduler paused (not timed), then delivering"
                    + " the backlog");
            Figures engineBacklog = cpu.measure("engine", "backlog", orders, 2 * orders,
                    () -> shop.backlog(cpu, scheduler, orders, PeriodType.YEAR, callers));
            progress("engine: the clock moves 40 days on; the lifecycle clock freezes " + orders
                    + " expired instances until every FREEZE call succeeded");
            clock.advance(Duration.ofDays(40));
            Figures engineExpiries = cpu.measure("engine", "expiries", orders, orders, () -> shop.expire(orders));
            String checked = shop.check(warm + 2 * orders, warm + orders);

            out.println("delivery benchmark: " + (url == null ? "embedded H2 file" : describe(url)) + "; "
                    + Runtime.getRuntime().availableProcessors() + " cores; seller "
                    + (sellerCommand == null ? "in this JVM" : "in its own JVM") + " over loopback (V2 signature verified);"
                    + " engine: " + threads + " db-scheduler threads, polling " + polling + "; floor: " + threads
                    + " callers; cpu: CPU seconds of the timed part in this JVM, the seller's JVM and PostgreSQL");
            out.println(String.format("%-7s %-9s %7s %7s %9s %12s %9s %7s %7s %7s", "run", "what", "n", "calls", "seconds",
                    "deliveries/s", "calls/s", "cpu:jvm", "seller", "db"));
            out.println(floorOrders.line());
            out.println(engineOrders.line());
            out.println(engineBacklog.line());
            out.println(floorExpiries.line());
            out.println(engineExpiries.line());
            out.println(String.format("engine/floor: orders %.0f %%, backlog %.0f %%, expiries %.0f %%",
                    100 * engineOrders.perSecond() / floorOrders.perSecond(),
                    100 * engineBacklog.perSecond() / floorOrders.perSecond(),
                    100 * engineExpiries.perSecond() / floorExpiries.perSecond()));
            out.println(checked);
            out.println(String.format("engine: the %d payments took %.2f s of the orders' run, the lifecycle clock's"
                    + " pass %.2f s of the expiries' run", orders, paySeconds, tickSeconds));
            out.flush();
            return 0;
        } finally {
            if (context != null) {
                context.close();
            }
            if (sellerHere != null) {
                sellerHere.stop(0);
            }
            if (sellerJvm != null) {
                sellerJvm.destroy();
                sellerJvm.waitFor(10, TimeUnit.SECONDS);
            }
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            deleteQuietly(data);
        }
    }

    private void progress(String line) {
        err.println("  " + line);
        err.flush();
    }

    private static ConfigurableApplicationContext startMarketplace(String url, Path data, Clock clock) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("opengallery.marketplace.data-dir", data.toAbsolutePath().toString());
        if (url != null) {
            p.put("opengallery.marketplace.jdbc-url", url);
        }
        p.put("opengallery.seller.enabled", "false");
        // The bench runs the lifecycle clock itself, after moving the clock; frozen instances are not released
        // during the bench (the clock moves 40 days twice).
        p.put("opengallery.instance.lifecycle-interval", "1d");
        p.put("opengallery.order.auto-renew-interval", "1d");
        p.put("opengallery.instance.freeze-period", "365d");
        p.put("logging.level.org.opengallery", "WARN");
        return MarketplaceApplication.builder()
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(p)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchClock", clock))
                .run();
    }

    /**
     * CPU seconds used during the timed part of a run by this JVM (the marketplace, or the floor's callers), by the
     * seller's JVM, and by the PostgreSQL server processes on this machine (none on H2: it runs in this JVM).
     */
    static final class Cpu {
        interface Run {
            double seconds() throws Exception;
        }

        private final ProcessHandle seller;
        private final boolean postgres;
        private double[] mark;

        Cpu(ProcessHandle seller, boolean postgres) {
            this.seller = seller;
            this.postgres = postgres;
        }

        /** The timed part starts now (a run that prepares something untimed first calls this). */
        void start() {
            mark = now();
        }

        Figures measure(String who, String what, int n, int calls, Run run) throws Exception {
            mark = now();
            double seconds = run.seconds();
            double[] end = now();
            return new Figures(who, what, n, calls, seconds, end[0] - mark[0], end[1] - mark[1], end[2] - mark[2]);
        }

        private double[] now() {
            double db = !postgres ? Double.NaN : ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .mapToDouble(Cpu::cpu).filter(d -> !Double.isNaN(d)).sum();
            return new double[] {cpu(ProcessHandle.current()), cpu(seller), db};
        }

        private static double cpu(ProcessHandle process) {
            return process == null ? Double.NaN
                    : process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }
    }

    /** The marketplace's clock: real time, moved on by the bench. */
    static final class BenchClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration d) {
            offset.updateAndGet(o -> o.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    /** The marketplace side: a seller with the bench's key, one product, buyers; orders placed, paid, awaited. */
    static double tickSeconds;
    static double paySeconds;

    record Shop(Orders orders, InstanceLifecycle lifecycle, JdbcTemplate jdbc, List<Long> buyers) {
        static Shop seed(ConfigurableApplicationContext context, String sellerUrl, String key, int buyerCount) {
            Sellers sellers = context.getBean(Sellers.class);
            Catalog catalog = context.getBean(Catalog.class);
            Buyers buyers = context.getBean(Buyers.class);
            long sellerId = sellers.register("Bench Seller", "bench-seller", "service@bench.example.com").id();
            sellers.bindAccessKey(sellerId, InterfaceType.BASIC, sellerUrl, key);
            Product product = catalog.createProduct(new NewProduct(sellerId, "Bench", "The delivery benchmark's product.",
                    AccessType.SAAS, false, sellerUrl, InterfaceVersion.V2, null));
            catalog.addSku(product.id(), NewSku.period(SKU, "Bench", List.of(
                    new Price(null, PeriodType.MONTH, new BigDecimal("1.00")),
                    new Price(null, PeriodType.YEAR, new BigDecimal("10.00"))), null));
            catalog.list(product.id());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < buyerCount; i++) {
                long id = buyers.register("bench-buyer-" + i, "Bench Buyer " + i, "+86 13800000000",
                        "buyer" + i + "@bench.example.com").id();
                buyers.topUp(id, new BigDecimal("100000000.00"), "bench-top-up-" + i);
                ids.add(id);
            }
            return new Shop(context.getBean(Orders.class), context.getBean(InstanceLifecycle.class),
                    context.getBean(JdbcTemplate.class), ids);
        }

        static final String SKU = "bench-sku";

        /** Places n orders (not timed), then pays them and waits until all are RUNNING; returns the seconds. */
        double deliver(Cpu cpu, int n, PeriodType period, int callers) throws Exception {
            long runningBefore = running();
            List<String>[] placed = inParallel(callers, n, (c, i) -> orders.placeNew(buyers.get(c), SKU, period.code(),
                    1, false).orderId());
            cpu.start();
            long start = System.nanoTime();
            inParallel(callers, n, (c, i) -> orders.pay(buyers.get(c), placed[c].get(i)).orderId(), placed);
            paySeconds = (System.nanoTime() - start) / 1e9;
            await(() -> running() - runningBefore, n, "instances RUNNING");
            return (System.nanoTime() - start) / 1e9;
        }

        /**
         * The engine alone: n orders paid while db-scheduler is paused (not timed), then the scheduler resumed and
         * the backlog delivered; returns the seconds from the resume until every instance is RUNNING.
         */
        double backlog(Cpu cpu, Scheduler scheduler, int n, PeriodType period, int callers) throws Exception {
            long runningBefore = running();
            List<String>[] placed = inParallel(callers, n, (c, i) -> orders.placeNew(buyers.get(c), SKU, period.code(),
                    1, false).orderId());
            scheduler.pause();
            try {
                inParallel(callers, n, (c, i) -> orders.pay(buyers.get(c), placed[c].get(i)).orderId(), placed);
            } finally {
                scheduler.resume();
            }
            cpu.start();
            long start = System.nanoTime();
            scheduler.triggerCheckForDueExecutions();
            await(() -> running() - runningBefore, n, "instances RUNNING");
            return (System.nanoTime() - start) / 1e9;
        }

        /** Runs the lifecycle clock once and waits until every FREEZE call succeeded; returns the seconds. */
        double expire(int n) throws Exception {
            long before = freezesSucceeded();
            long start = System.nanoTime();
            int moved = lifecycle.tick();
            tickSeconds = (System.nanoTime() - start) / 1e9;
            if (moved != n) {
                throw new IllegalStateException("the lifecycle clock froze " + moved + " instances, not " + n);
            }
            await(() -> freezesSucceeded() - before, n, "FREEZE calls SUCCEEDED");
            return (System.nanoTime() - start) / 1e9;
        }

        private long freezesSucceeded() {
            return jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call WHERE activity = 'UPDATE_INSTANCE_STATUS'"
                    + " AND status = 'SUCCEEDED'", Long.class);
        }

        /** Every call once: no retry, no failure, one create and one query per delivery. */
        String check(int deliveries, int freezes) {
            Map<String, Object> r = jdbc.queryForMap("SELECT COUNT(*) AS calls, SUM(attempts) AS attempts, "
                    + "SUM(polls) AS polls, SUM(CASE WHEN status = 'SUCCEEDED' THEN 1 ELSE 0 END) AS ok FROM delivery_call");
            long calls = ((Number) r.get("calls")).longValue();
            long attempts = ((Number) r.get("attempts")).longValue();
            long polls = ((Number) r.get("polls")).longValue();
            long ok = ((Number) r.get("ok")).longValue();
            boolean exact = calls == deliveries + freezes && attempts == calls && polls == deliveries && ok == calls;
            return (exact ? "checked: " : "NOT AS EXPECTED: ") + calls + " calls, " + ok + " succeeded, " + attempts
                    + " attempts, " + polls + " queryInstance polls (expected " + (deliveries + freezes)
                    + " calls, each sent once, one poll per delivery)";
        }

        private long running() {
            return jdbc.queryForObject("SELECT COUNT(*) FROM instance WHERE status = 'RUNNING'", Long.class);
        }

        interface Step {
            String run(int caller, int index) throws Exception;
        }

        /** n steps spread over the callers: caller c does indexes 0.. of its share; returns each caller's results. */
        @SafeVarargs
        private static List<String>[] inParallel(int callers, int n, Step step, List<String>[]... shares)
                throws Exception {
            @SuppressWarnings("unchecked")
            List<String>[] results = new List[callers];
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    int caller = c;
                    int count = shares.length > 0 ? shares[0][c].size() : n / callers + (c < n % callers ? 1 : 0);
                    results[c] = new ArrayList<>();
                    futures.add(pool.submit((Callable<Void>) () -> {
                        for (int i = 0; i < count; i++) {
                            results[caller].add(step.run(caller, i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            return results;
        }

        interface Count {
            long get() throws Exception;
        }

        private static void await(Count count, long expected, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long seen;
            while ((seen = count.get()) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("after 10 minutes " + seen + " of " + expected + " " + what);
                }
                Thread.sleep(25);
            }
        }
    }

    /** The floor: the engine's HTTP calls, signed the same way, sent directly with as many callers as threads. */
    static final class Floor {
        private final HttpClient http;
        private final String url;
        private final String key;
        private final int callers;
        private final SecureRandom random = new SecureRandom();

        Floor(HttpClient http, String url, String key, int callers) {
            this.http = http;
            this.url = url;
            this.key = key;
            this.callers = callers;
        }

        double deliveries(int n) throws Exception {
            String run = UUID.randomUUID().toString().substring(0, 8);
            return closedLoop(n, i -> {
                String line = run + "-" + i;
                call(new NewInstanceRequest("floor-" + line, line, UUID.randomUUID().toString(), null));
                call(new QueryInstanceRequest(DeliverySeller.instanceIdFor(line), null));
                return null;
            });
        }

        double expiries(int n) throws Exception {
            return closedLoop(n, i -> {
                call(new UpdateInstanceStatusRequest("bench-floor-" + i, InstanceStatusChange.FREEZE, null));
                return null;
            });
        }

        private double closedLoop(int n, IntFunction<Void> one) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    futures.add(pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < n; ) {
                            one.apply(i);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            return (System.nanoTime() - start) / 1e9;
        }

        /** Signed as the engine signs (SellerClient), answer read as it reads it; anything but 000000 stops the run. */
        private void call(V2Request message) {
            byte[] body = ProtocolJson.writeBytes(message);
            String timestamp = Long.toString(System.currentTimeMillis());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String n = HexFormat.of().formatHex(nonce);
            String signature = SignatureScheme.URL.sign(key, timestamp, n, body);
            String signed = url + "?" + SignatureScheme.URL.signatureName() + "=" + signature + "&"
                    + SignatureScheme.URL.timestampName() + "=" + timestamp + "&" + SignatureScheme.URL.nonceName() + "=" + n;
            HttpRequest request = HttpRequest.newBuilder(URI.create(signed)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json;charset=UTF-8").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ResultResponse answer = ProtocolJson.read(response.body(), ResultResponse.class);
                if (response.statusCode() != 200 || !"000000".equals(answer.resultCode().code())) {
                    throw new IllegalStateException("the seller answered " + response.statusCode() + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String describe(String jdbcUrl) {
        return jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }

    private static String randomKey() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static void awaitListening(Process target) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("bench-target listening")) {
            throw new IOException("the benchmark seller did not start: " + line);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
