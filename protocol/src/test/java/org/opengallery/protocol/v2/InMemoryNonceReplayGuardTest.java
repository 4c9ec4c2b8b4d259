package org.opengallery.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryNonceReplayGuardTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aNonceIsAcceptedOnceWhileItIsRemembered() {
        InMemoryNonceReplayGuard guard = new InMemoryNonceReplayGuard(10, clock);
        Instant until = now.get().plusSeconds(60);
        assertThat(guard.firstUse("a", until)).isTrue();
        assertThat(guard.firstUse("a", until)).isFalse();
        assertThat(guard.firstUse("b", until)).isTrue();
    }

    @Test
    void aNonceIsForgottenOnceItsTimeHasPassed() {
        InMemoryNonceReplayGuard guard = new InMemoryNonceReplayGuard(10, clock);
        guard.firstUse("a", now.get().plusSeconds(60));
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertThat(guard.firstUse("a", now.get().plusSeconds(60))).isTrue();
    }

    @Test
    void memoryIsBoundedByDroppingTheOldestNonce() {
        InMemoryNonceReplayGuard guard = new InMemoryNonceReplayGuard(3, clock);
        Instant until = now.get().plusSeconds(60);
        for (String n : new String[] {"a", "b", "c", "d"}) {
            assertThat(guard.firstUse(n, until)).isTrue();
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.firstUse("d", until)).isFalse();
        assertThat(guard.firstUse("a", until)).as("pushed out by the bound").isTrue();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new InMemoryNonceReplayGuard(0, clock)).hasMessageContaining("at least 1");
    }
}
