package org.opengallery.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The whole seller benchmark: the floor first, then the kit, then the table and the ratio. */
public final class SellerBenchmark {

    private final PrintWriter out;
    private final SellerBench bench;

    public SellerBenchmark(PrintWriter out, int workers, int orders, int rate, int rateSeconds) {
        this.out = out;
        this.bench = new SellerBench(out, workers, orders, rate, rateSeconds);
    }

    /** Runs it and prints the figures; returns the exit code (0 unless a run could not be made). */
    public int run(List<String> targetCommand, String jdbcUrl) throws Exception {
        jdbcUrl = KitStores.choose(jdbcUrl);
        String store = KitStores.describe(jdbcUrl);
        out.println("seller benchmark: kit store " + store + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; driver and target in separate JVMs over loopback");
        out.flush();
        List<String> kitCommand = new ArrayList<>(targetCommand);
        kitCommand.addAll(List.of("--jdbc-url", jdbcUrl));
        List<SellerBench.Figures> floor = bench.measure("bare", targetCommand, "bench-key");
        List<SellerBench.Figures> kit = bench.measure("kit", kitCommand, "bench-key");
        out.println();
        out.println(String.format("%-6s %-22s %9s %7s %10s %8s %8s", "target", "run", "requests", "errors", "req/s",
                "p50 ms", "p99 ms"));
        for (int i = 0; i < floor.size(); i++) {
            out.println(floor.get(i).line());
            out.println(kit.get(i).line());
        }
        out.println(String.format("kit/floor throughput: %.0f %%", 100 * kit.get(0).perSecond() / floor.get(0).perSecond()));
        out.flush();
        return 0;
    }
}
