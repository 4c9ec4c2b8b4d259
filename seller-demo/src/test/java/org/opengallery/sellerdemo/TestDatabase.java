package org.opengallery.sellerdemo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the seller's rules are tested on: a fresh in-memory H2 database, or a fresh schema in the
 * PostgreSQL at 127.0.0.1:5432/test (user postgres, trust auth), so that runs — also parallel ones by other
 * engineers on the same server — never see each other's tables.
 */
final class TestDatabase {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";
    private static final String SCHEMA_PREFIX = "demo_t";
    private static final long STALE_AFTER_SECONDS = 3600;
    private static volatile Boolean postgresReachable;

    private TestDatabase() {
    }

    static String freshH2() {
        return "jdbc:h2:mem:notes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A new, empty schema, named after the time so a later run can drop what a killed run left behind. */
    static String freshPostgresSchema() {
        String schema = SCHEMA_PREFIX + (System.currentTimeMillis() / 1000) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        return POSTGRES + "?currentSchema=" + schema + "&user=" + POSTGRES_USER;
    }

    static synchronized boolean postgresReachable() {
        if (postgresReachable == null) {
            postgresReachable = probe();
            if (postgresReachable) {
                dropStaleSchemas();
            } else {
                System.err.println("seller-demo: no PostgreSQL at " + POSTGRES + " (user " + POSTGRES_USER
                        + "): the PostgreSQL variant of the seller's rules is skipped");
            }
        }
        return postgresReachable;
    }

    private static boolean probe() {
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** Schemas of runs older than an hour: a killed JVM never cleans up, and an hour-old run is over. */
    private static void dropStaleSchemas() {
        long now = System.currentTimeMillis() / 1000;
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, "");
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
                    // named like ours but not made here: leave it
                }
            }
        } catch (Exception e) {
            return;
        }
        stale.forEach(name -> execute("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES, POSTGRES_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
