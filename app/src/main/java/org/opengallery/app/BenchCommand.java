package org.opengallery.app;

import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengallery.app.bench.DeliveryBenchmark;
import org.opengallery.app.bench.SellerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Speed figures, measured here and printed: never asserted in unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Seller.class, BenchCommand.Delivery.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a benchmark: seller or delivery");
    }

    @Command(name = "seller", mixinStandardHelpOptions = true,
            description = {"Drive the seller kit over loopback HTTP with signed V2 traffic (create, query, renewal,"
                    + " release per order) from this process while the seller runs in a child JVM, and print"
                    + " requests/s and p50/p99 latency next to the floor: the same HTTP server answering a constant.",
                "The kit's store is PostgreSQL when --jdbc-url is given (or 127.0.0.1:5432/test is reachable),"
                        + " in memory otherwise."})
    static final class Seller implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--orders", defaultValue = "2500", description = "Orders per max-throughput run (4 requests each).")
        int orders;

        @Option(names = "--concurrency", defaultValue = "16", description = "Concurrent callers in the max-throughput run.")
        int concurrency;

        @Option(names = "--warmup", defaultValue = "2500", description = "Orders sent to each target before it is"
                + " measured, so the JIT has compiled its hot paths (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rate", defaultValue = "1000", description = "Requests/s of the fixed-rate run (0 to skip).")
        int rate;

        @Option(names = "--rate-seconds", defaultValue = "10", description = "Length of the fixed-rate run.")
        int rateSeconds;

        @Option(names = "--jdbc-url", description = "The kit's database (PostgreSQL, H2, MariaDB); 'memory' for none.")
        String jdbcUrl;

        @Override
        public Integer call() throws Exception {
            if (orders < 1 || concurrency < 1 || rate < 0 || rateSeconds < 1 || warmup < 0) {
                throw new ParameterException(spec.commandLine(), "--orders, --concurrency and --rate-seconds must be"
                        + " positive and --rate and --warmup not negative");
            }
            PrintWriter out = spec.commandLine().getOut();
            return new SellerBenchmark(out, concurrency, warmup, orders, rate, rateSeconds).run(targetCommand(), jdbcUrl);
        }

        /** How to start this same program as the benchmark's target JVM. */
        static List<String> targetCommand() {
            String java = ProcessHandle.current().info().command().orElse("java");
            String classPath = System.getProperty("java.class.path");
            List<String> command = new ArrayList<>(List.of(java, "-XX:+UseParallelGC", "-Xmx512m",
                    // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle and delayed
                    // ACKs add 40 ms to every answer.
                    "-Dsun.net.httpserver.nodelay=true",
                    // One INFO line per delivered order is right for a seller, noise in a benchmark.
                    "-DOPENGALLERY_LOG_LEVEL=WARN"));
            // To profile the target, e.g. OPENGALLERY_BENCH_TARGET_OPTS='-XX:StartFlightRecording=filename=/tmp/t.jfr'.
            String targetOptions = System.getenv("OPENGALLERY_BENCH_TARGET_OPTS");
            if (targetOptions != null && !targetOptions.isBlank()) {
                command.addAll(List.of(targetOptions.trim().split("\\s+")));
            }
            if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, OpenGallery.class.getName()));
            }
            command.add("bench-target");
            return command;
        }
    }

    @Command(name = "delivery", mixinStandardHelpOptions = true,
            description = {"Push N paid orders and then a wave of N expiries through the marketplace's delivery engine"
                    + " to a local seller (its own JVM, V2 signature verified: create answered synchronously with an"
                    + " instanceId, queryInstance with the appInfo), and print deliveries/s next to the floor: the same"
                    + " signed HTTP calls (create + query per order, updateInstanceStatus per expiry) sent directly"
                    + " to the same seller with as many concurrent callers as the engine has threads.",
                "The marketplace runs in this JVM on PostgreSQL when --jdbc-url is given (in a fresh schema, dropped"
                        + " after), on an embedded H2 file in a temporary directory otherwise."})
    static final class Delivery implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--orders", defaultValue = "2000", description = "Orders delivered, and instances expired, per run (default ${DEFAULT-VALUE}).")
        int orders;

        @Option(names = "--callers", defaultValue = "8", description = "Concurrent buyers paying the orders (default ${DEFAULT-VALUE}).")
        int callers;

        @Option(names = "--jdbc-url", description = "PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres; default an embedded H2 file.")
        String jdbcUrl;

        @Option(names = "--seller-in-process", description = "Serve the seller in this JVM instead of its own (for tests).")
        boolean sellerInProcess;

        @Override
        public Integer call() throws Exception {
            if (orders < 1 || callers < 1) {
                throw new ParameterException(spec.commandLine(), "--orders and --callers must be positive");
            }
            if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
                throw new ParameterException(spec.commandLine(), "--jdbc-url must start with jdbc:, got " + jdbcUrl);
            }
            return new DeliveryBenchmark(spec.commandLine().getOut(), spec.commandLine().getErr(), orders, callers)
                    .run(sellerInProcess ? null : Seller.targetCommand(), jdbcUrl);
        }
    }
}
