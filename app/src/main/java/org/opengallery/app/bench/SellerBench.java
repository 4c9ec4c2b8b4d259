package org.opengallery.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a seller over loopback HTTP from this process while the seller runs in another JVM, and reports
 * throughput and latency for the kit next to the floor (the same HTTP server answering a constant).
 */
final class SellerBench {

    /** One measured run; CPU in milliseconds per request, of the target JVM and of its database connections. */
    record Figures(String target, String mode, int requests, int errors, double perSecond, double p50, double p99,
                   double cpuJvm, double cpuDatabase) {
        String line() {
            return String.format("%-6s %-22s %9d %7d %10.0f %8.2f %8.2f %8.3f %8s", target, mode, requests, errors,
                    perSecond, p50, p99, cpuJvm, Double.isNaN(cpuDatabase) ? "-" : String.format("%.3f", cpuDatabase));
        }

        /** CPU of the target and its database connections per request. */
        double cpuTotal() {
            return cpuJvm + (Double.isNaN(cpuDatabase) ? 0 : cpuDatabase);
        }

        Figures as(String target, String mode) {
            return new Figures(target, mode, requests, errors, perSecond, p50, p99, cpuJvm, cpuDatabase);
        }
    }

    private final PrintWriter out;
    private final int workers;
    private final int warmup;
    private final int orders;
    private final int rate;
    private final int rateSeconds;

    SellerBench(PrintWriter out, int workers, int warmup, int orders, int rate, int rateSeconds) {
        this.out = out;
        this.workers = workers;
        this.warmup = warmup;
        this.orders = orders;
        this.rate = rate;
        this.rateSeconds = rateSeconds;
    }

    /**
     * Starts the target JVM, warms it up, runs both modes, stops it.
     *
     * @param postgresUrl     where to find the target's database connections for their CPU, or null
     * @param applicationName the application name of those connections
     */
    List<Figures> measure(String kind, List<String> targetCommand, String key, String postgresUrl,
                          String applicationName) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(targetCommand);
        command.addAll(List.of("--kind", kind, "--port", String.valueOf(port), "--key", key));
        Process target = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            awaitListening(target);
            TargetCpu cpu = new TargetCpu(target.toHandle(), postgresUrl, applicationName);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(workers)).build();
            SellerTraffic traffic = new SellerTraffic("http://127.0.0.1:" + port + "/saasproduce", key,
                    Long.toString(System.nanoTime(), 36));
            out.printf("  %s: warming up with %d orders%n", label(kind), warmup);
            out.flush();
            // Long enough for C2 to compile the hot paths: a run measured while the JIT is still at work counts
            // its compiler threads' CPU against the target (the kit, with more code, far more than the floor).
            closedLoop(client, traffic, warmup, cpu);
            out.printf("  %s: %d orders (%d requests) with %d concurrent callers%n", label(kind), orders, orders * 4, workers);
            out.flush();
            Figures max = closedLoop(client, traffic, orders, cpu);
            Figures fixed = null;
            if (rate > 0) {
                out.printf("  %s: %d requests/s for %d s%n", label(kind), rate, rateSeconds);
                out.flush();
                fixed = fixedRate(client, traffic, cpu);
            }
            List<Figures> figures = new ArrayList<>();
            figures.add(max.as(label(kind), "max throughput"));
            if (fixed != null) {
                figures.add(fixed.as(label(kind), "at " + rate + " req/s"));
            }
            return figures;
        } finally {
            target.destroy();
            target.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String label(String kind) {
        return "kit".equals(kind) ? "kit" : "floor";
    }

    private Figures closedLoop(HttpClient client, SellerTraffic traffic, int orderCount, TargetCpu cpu)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        cpu.mark();
        AtomicInteger remaining = new AtomicInteger(orderCount);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch done = new CountDownLatch(workers);
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                try {
                    while (remaining.getAndDecrement() > 0) {
                        for (HttpRequest request : traffic.order()) {
                            send(client, request, latencies);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        TargetCpu.Seconds used = cpu.sinceMark();
        pool.shutdown();
        return figures(latencies, seconds, used);
    }

    /** Open loop: a new order every 4/rate seconds, each order's four requests sent one after the other. */
    private Figures fixedRate(HttpClient client, SellerTraffic traffic, TargetCpu cpu) throws InterruptedException {
        Latencies latencies = new Latencies();
        cpu.mark();
        int ordersPerSecond = Math.max(1, rate / 4);
        int total = ordersPerSecond * rateSeconds;
        ExecutorService senders = Executors.newCachedThreadPool();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger started = new AtomicInteger();
        long periodNanos = 1_000_000_000L / ordersPerSecond;
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            if (started.getAndIncrement() >= total) {
                return;
            }
            senders.execute(() -> {
                try {
                    for (HttpRequest request : traffic.order()) {
                        send(client, request, latencies);
                    }
                } finally {
                    done.countDown();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(rateSeconds * 3L + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        TargetCpu.Seconds used = cpu.sinceMark();
        clock.shutdownNow();
        senders.shutdown();
        return figures(latencies, seconds, used);
    }

    private static Figures figures(Latencies latencies, double seconds, TargetCpu.Seconds used) {
        int n = Math.max(1, latencies.count());
        return new Figures("", "", latencies.count(), latencies.errors(), latencies.count() / seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), 1000 * used.jvm() / n,
                1000 * used.database() / n);
    }

    private static void send(HttpClient client, HttpRequest request, Latencies latencies) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || !body.contains("\"resultCode\":\"000000\"")) {
                latencies.error();
                if (System.getenv("OPENGALLERY_BENCH_DEBUG") != null) {
                    System.err.println("not 000000: " + body);
                }
            }
            latencies.record(elapsed);
        } catch (IOException | InterruptedException e) {
            latencies.error();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitListening(Process target) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        // JVM options given for profiling may print lines of their own first.
        String line;
        String first = null;
        while ((line = lines.readLine()) != null && !line.startsWith("bench-target listening")) {
            first = first == null ? line : first;
        }
        if (line == null) {
            throw new IOException("the benchmark target did not start: " + first);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
