package org.opengallery.sellerkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcNonceReplayGuardTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    JdbcDataSource dataSource;

    @BeforeEach
    void fresh() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:nonce-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    JdbcNonceReplayGuard guard(Instant now) {
        return JdbcNonceReplayGuard.create(dataSource, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aNonceIsAcceptedOnceAndItsReplayRefused() {
        JdbcNonceReplayGuard guard = guard(NOW);
        assertThat(guard.firstUse("n1", NOW.plusSeconds(60))).isTrue();
        assertThat(guard.firstUse("n1", NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void twoNodesOnOneDatabaseShareTheirNonces() {
        assertThat(guard(NOW).firstUse("n1", NOW.plusSeconds(60))).isTrue();
        assertThat(guard(NOW).firstUse("n1", NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void aNonceWhoseTimeHasPassedMayBeUsedAgain() {
        guard(NOW).firstUse("n1", NOW.plusSeconds(60));
        Instant later = NOW.plusSeconds(61);
        assertThat(guard(later).firstUse("n1", later.plusSeconds(60))).isTrue();
        assertThat(guard(later).firstUse("n1", later.plusSeconds(60))).isFalse();
    }
}
