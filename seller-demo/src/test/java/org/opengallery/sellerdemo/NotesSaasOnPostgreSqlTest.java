package org.opengallery.sellerdemo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seller's rules on PostgreSQL, in a fresh schema per run; skipped when no PostgreSQL is reachable. */
class NotesSaasOnPostgreSqlTest extends NotesSaasTest {

    @BeforeAll
    static void needsPostgreSql() {
        assumeTrue(TestDatabase.postgresReachable(), "skipped: no PostgreSQL reachable at " + TestDatabase.POSTGRES
                + " as user " + TestDatabase.POSTGRES_USER + " (trust auth); the H2 variant still runs");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Made once here: a supplier is asked again on every read of the property.
        String url = TestDatabase.freshPostgresSchema();
        registry.add("seller-demo.jdbc-url", () -> url);
    }
}
