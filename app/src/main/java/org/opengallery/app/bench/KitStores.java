package org.opengallery.app.bench;

import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.KitStore;

/** Chooses the benchmark kit's store from a JDBC URL ("memory" or none: in memory). */
final class KitStores {

    private KitStores() {
    }

    static String describe(String jdbcUrl) {
        return jdbcUrl == null || "memory".equals(jdbcUrl) ? "in memory" : jdbcUrl;
    }

    static KitStore open(String jdbcUrl) {
        if (jdbcUrl == null || "memory".equals(jdbcUrl)) {
            return new InMemoryKitStore();
        }
        throw new IllegalArgumentException("JDBC stores are not wired into the benchmark yet: " + jdbcUrl);
    }
}
