package org.opengallery.sellerdemo;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seller's rules on a fresh in-memory H2 database, the demo's default. */
class NotesSaasOnH2Test extends NotesSaasTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Made once here: a supplier is asked again on every read of the property.
        String url = TestDatabase.freshH2();
        registry.add("seller-demo.jdbc-url", () -> url);
    }
}
