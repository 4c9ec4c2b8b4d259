package org.opengallery.sellerkit.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/** The contract on PostgreSQL at 127.0.0.1:5432/test when it is reachable; skipped (and says so) otherwise. */
class JdbcKitStorePostgresTest extends KitStoreContract {

    PGSimpleDataSource dataSource;
    String prefix;
    JdbcKitStore store;

    @BeforeEach
    void fresh() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUser(System.getProperty("user.name").equals("root") ? "postgres" : System.getProperty("user.name"));
        dataSource.setConnectTimeout(2);
        try (Connection c = dataSource.getConnection()) {
            Assumptions.assumeTrue(c.isValid(2), "PostgreSQL at 127.0.0.1:5432/test is not usable");
        } catch (Exception e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432/test is not reachable: " + e.getMessage());
        }
        prefix = "og_kit_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        store = JdbcKitStore.create(dataSource, prefix);
    }

    @AfterEach
    void drop() throws Exception {
        if (store == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"operation", "instance", "sync_presence"}) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }

    @Override
    KitStore store() {
        return store;
    }

    @Override
    KitStore otherNode() {
        return JdbcKitStore.create(dataSource, prefix);
    }
}
