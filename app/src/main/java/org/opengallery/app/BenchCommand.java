package org.opengallery.app;

import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengallery.app.bench.SellerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Speed figures, measured here and printed: never asserted in unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Seller.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a benchmark: seller");
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

        @Option(names = "--rate", defaultValue = "1000", description = "Requests/s of the fixed-rate run (0 to skip).")
        int rate;

        @Option(names = "--rate-seconds", defaultValue = "10", description = "Length of the fixed-rate run.")
        int rateSeconds;

        @Option(names = "--jdbc-url", description = "The kit's database (PostgreSQL, H2, MariaDB); 'memory' for none.")
        String jdbcUrl;

        @Override
        public Integer call() throws Exception {
            if (orders < 1 || concurrency < 1 || rate < 0 || rateSeconds < 1) {
                throw new ParameterException(spec.commandLine(), "--orders, --concurrency and --rate-seconds must be"
                        + " positive and --rate not negative");
            }
            PrintWriter out = spec.commandLine().getOut();
            return new SellerBenchmark(out, concurrency, orders, rate, rateSeconds).run(targetCommand(), jdbcUrl);
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
            if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, OpenGallery.class.getName()));
            }
            command.add("bench-target");
            return command;
        }
    }
}
