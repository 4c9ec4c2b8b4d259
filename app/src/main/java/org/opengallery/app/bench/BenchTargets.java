package org.opengallery.app.bench;

import java.io.IOException;

/** Entry point for the target JVM of the seller benchmark. */
public final class BenchTargets {

    private BenchTargets() {
    }

    public static void serve(String kind, int port, String key, String jdbcUrl, String tablePrefix) throws IOException {
        BenchTarget.start(kind, port, key, KitStores.open(jdbcUrl, tablePrefix),
                Integer.getInteger("og.bench.threads", 2 * Runtime.getRuntime().availableProcessors() + 8));
    }
}
