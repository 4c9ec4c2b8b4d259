package org.opengallery.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The whole seller benchmark: the floor first, then the kit, then the table and the ratio. */
public final class SellerBenchmark {

    private final PrintWriter out;
    private final SellerBench bench;

    public SellerBenchmark(PrintWriter out, int workers, int warmup, int orders, int rate, int rateSeconds) {
        this.out = out;
        this.bench = new SellerBench(out, workers, warmup, orders, rate, rateSeconds);
    }

    /** Runs it and prints the figures; returns the exit code (0 unless a run could not be made). */
    public int run(List<String> targetCommand, String jdbcUrl) throws Exception {
        jdbcUrl = KitStores.choose(jdbcUrl);
        String store = KitStores.describe(jdbcUrl);
        out.println("seller benchmark: kit store " + store + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; driver and target in separate JVMs over loopback");
        out.flush();
        // The kit's connections carry a name of their own, so their server processes' CPU can be told apart.
        String applicationName = "og-bench-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String postgresUrl = jdbcUrl.startsWith("jdbc:postgresql:") ? jdbcUrl : null;
        String tablePrefix = KitStores.newTablePrefix();
        List<String> kitCommand = new ArrayList<>(targetCommand);
        kitCommand.addAll(List.of("--table-prefix", tablePrefix, "--jdbc-url", postgresUrl == null ? jdbcUrl
                : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName));
        List<SellerBench.Figures> floor = bench.measure("bare", targetCommand, "bench-key", null, null);
        List<SellerBench.Figures> kit;
        try {
            kit = bench.measure("kit", kitCommand, "bench-key", postgresUrl, applicationName);
        } finally {
            KitStores.dropTables(jdbcUrl, tablePrefix);
        }
        out.println();
        out.println(String.format("%-6s %-22s %9s %7s %10s %8s %8s %8s %8s", "target", "run", "requests", "errors",
                "req/s", "p50 ms", "p99 ms", "cpu:jvm", "db"));
        for (int i = 0; i < floor.size(); i++) {
            out.println(floor.get(i).line());
            out.println(kit.get(i).line());
        }
        out.println("cpu: CPU milliseconds per request of the target JVM and of the kit's PostgreSQL connections");
        out.println(String.format("kit/floor throughput: %.0f %%", 100 * kit.get(0).perSecond() / floor.get(0).perSecond()));
        out.println(String.format("kit/floor cpu per request: %.2f", kit.get(0).cpuTotal() / floor.get(0).cpuTotal()));
        out.flush();
        return 0;
    }
}
