package org.opengallery.sellerkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcKitStoreH2Test extends KitStoreContract {

    JdbcDataSource dataSource;
    JdbcKitStore store;

    @BeforeEach
    void fresh() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:kit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = JdbcKitStore.create(dataSource);
    }

    @Override
    KitStore store() {
        return store;
    }

    @Override
    KitStore otherNode() {
        return JdbcKitStore.create(dataSource);
    }

    @Test
    void aSecondStoreOnExistingTablesSeesTheFirstOnesState() {
        store.claim("k", "biz-1", null, T0, LEASE);
        assertThat(JdbcKitStore.create(dataSource).operation("k")).isPresent();
    }

    @Test
    void aTablePrefixMustBeASafeIdentifier() {
        assertThatThrownBy(() -> JdbcKitStore.create(dataSource, "x; DROP TABLE y"))
                .hasMessageContaining("table prefix");
    }

    @Test
    void aDatabaseFailureSaysWhatFailedOnWhichKey() {
        JdbcDataSource broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:kit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcKitStore s = JdbcKitStore.create(broken, "og_kit_");
        broken.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
        assertThatThrownBy(() -> s.operation("create:CS1")).isInstanceOf(KitStoreException.class)
                .hasMessageContaining("read operation create:CS1").hasMessageContaining("SQLState")
                .hasMessageNotContaining("nothing-listens-here");
    }
}
