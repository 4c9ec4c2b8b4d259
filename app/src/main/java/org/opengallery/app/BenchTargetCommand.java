package org.opengallery.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opengallery.app.bench.BenchTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The server half of {@code bench seller}, started by it in a separate JVM. */
@Command(name = "bench-target", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve the seller benchmark's target (started by 'bench seller').")
final class BenchTargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, description = "kit or bare")
    String kind;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--key", required = true)
    String key;

    @Option(names = "--jdbc-url")
    String jdbcUrl;

    @Option(names = "--table-prefix", defaultValue = "og_bench_")
    String tablePrefix;

    @Override
    public Integer call() throws Exception {
        BenchTargets.serve(kind, port, key, jdbcUrl, tablePrefix);
        spec.commandLine().getOut().println("bench-target listening on " + port);
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await(); // until the driver stops this JVM
        return 0;
    }
}
