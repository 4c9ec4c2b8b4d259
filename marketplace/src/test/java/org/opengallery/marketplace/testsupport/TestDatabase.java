package org.opengallery.marketplace.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The database a marketplace test runs on: PostgreSQL at 127.0.0.1:5432/test when it is reachable (CI has it), in a
 * fresh schema per Spring context so contexts never see each other's rows; an in-memory H2 database otherwise.
 * {@code -Dopengallery.test.db=h2} forces H2 even when PostgreSQL is up.
 */
public final class TestDatabase {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA_PREFIX = "mkt_t";
    private static final long STALE_AFTER_SECONDS = 3600;
    private static volatile Boolean postgresReachable;

    private TestDatabase() {}

    /** A JDBC URL for one new, empty database or schema. */
    public static String freshJdbcUrl() {
        if (postgresReachable()) {
            String schema = SCHEMA_PREFIX + (System.currentTimeMillis() / 1000) + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            execute("CREATE SCHEMA " + schema);
            return POSTGRES + "?currentSchema=" + schema;
        }
        return "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public static String user() {
        return postgresReachable() ? postgresUser() : "sa";
    }

    public static boolean postgresReachable() {
        if (postgresReachable == null) {
            synchronized (TestDatabase.class) {
                if (postgresReachable == null) {
                    postgresReachable = probe();
                    if (postgresReachable) {
                        dropStaleSchemas();
                    }
                    System.err.println("marketplace tests run on "
                            + (postgresReachable ? "PostgreSQL " + POSTGRES : "embedded H2"));
                }
            }
        }
        return postgresReachable;
    }

    private static boolean probe() {
        if ("h2".equalsIgnoreCase(System.getProperty("opengallery.test.db"))) {
            return false;
        }
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(POSTGRES, postgresUser(), "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** Schemas earlier runs left behind (a killed JVM never cleans up); kept for an hour in case a run is live. */
    private static void dropStaleSchemas() {
        long now = System.currentTimeMillis() / 1000;
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(POSTGRES, postgresUser(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '"
                        + SCHEMA_PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                try {
                    long created = Long.parseLong(name.substring(SCHEMA_PREFIX.length(), name.indexOf('_', SCHEMA_PREFIX.length())));
                    if (now - created > STALE_AFTER_SECONDS) {
                        stale.add(name);
                    }
                } catch (RuntimeException notOurs) {
                    // a schema named like ours but not made by us: leave it
                }
            }
        } catch (Exception e) {
            return;
        }
        stale.forEach(name -> execute("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES, postgresUser(), ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String postgresUser() {
        String user = System.getProperty("user.name");
        return "root".equals(user) ? "postgres" : user;
    }
}
