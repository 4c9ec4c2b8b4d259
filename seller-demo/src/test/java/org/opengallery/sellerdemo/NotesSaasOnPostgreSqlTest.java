package org.opengallery.sellerdemo;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seller's rules on PostgreSQL, in a fresh schema per run. Skipped, saying why, when no PostgreSQL is
 * reachable: a condition rather than an assumption in {@code @BeforeAll}, whose message Surefire drops.
 */
@EnabledIf(value = "org.opengallery.sellerdemo.TestDatabase#postgresReachable",
        disabledReason = "no PostgreSQL reachable at " + TestDatabase.POSTGRES + " as user " + TestDatabase.POSTGRES_USER
                + " (trust auth): the seller's rules ran on H2 only")
class NotesSaasOnPostgreSqlTest extends NotesSaasTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Made once here: a supplier is asked again on every read of the property.
        String url = TestDatabase.freshPostgresSchema();
        registry.add("seller-demo.jdbc-url", () -> url);
    }
}
