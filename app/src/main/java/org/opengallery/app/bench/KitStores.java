package org.opengallery.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.JdbcKitStore;
import org.opengallery.sellerkit.store.KitStore;

/**
 * Chooses the benchmark kit's store: the JDBC URL given, else the local PostgreSQL when it answers (the
 * target of the figures), else in memory. "memory" forces in memory.
 */
final class KitStores {

    static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private KitStores() {
    }

    /** The URL the kit will use, decided once in the driver so the report says what was measured. */
    static String choose(String jdbcUrl) {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        try (Connection c = DriverManager.getConnection(LOCAL_POSTGRES + "&connectTimeout=2")) {
            return c.isValid(2) ? LOCAL_POSTGRES : "memory";
        } catch (Exception unreachable) {
            return "memory";
        }
    }

    static String describe(String jdbcUrl) {
        return "memory".equals(jdbcUrl) ? "in memory" : jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }

    /** A table prefix of its own for one benchmark run. */
    static String newTablePrefix() {
        return "og_bench_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "_";
    }

    /** Drops a run's tables, so runs leave nothing behind in a shared database; best effort. */
    static void dropTables(String jdbcUrl, String tablePrefix) {
        if (jdbcUrl == null || "memory".equals(jdbcUrl)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String table : List.of("operation", "instance", "sync_presence")) {
                s.execute("DROP TABLE IF EXISTS " + tablePrefix + table);
            }
        } catch (SQLException e) {
            System.err.println("bench seller: could not drop the tables " + tablePrefix + "*: " + e.getMessage());
        }
    }

    static KitStore open(String jdbcUrl, String tablePrefix) {
        if (jdbcUrl == null || "memory".equals(jdbcUrl)) {
            return new InMemoryKitStore();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(Integer.getInteger("og.bench.pool", 16));
        return JdbcKitStore.create(new HikariDataSource(config), tablePrefix);
    }
}
