package org.opengallery.marketplace.integration;

import java.util.Set;
import java.util.stream.Collectors;
import org.opengallery.marketplace.catalog.DebuggedAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Publishing's view of the debug cases: the seller's saved cases on an address that passed their last run. */
@Component
class SavedDebugCases implements DebuggedAddresses {

    private final JdbcClient jdbc;

    SavedDebugCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> passingCases(long sellerId, String url) {
        return jdbc.sql("""
                SELECT c.scenario FROM debug_case c JOIN production_address a ON a.id = c.address_id
                WHERE a.seller_id = :seller AND a.url = :url AND c.last_passed = TRUE""")
                .param("seller", sellerId).param("url", url).query(String.class).list().stream()
                .collect(Collectors.toUnmodifiableSet());
    }
}
