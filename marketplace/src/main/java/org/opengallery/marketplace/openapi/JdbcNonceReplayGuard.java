package org.opengallery.marketplace.openapi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The usage push's nonce replay guard, in table {@code openapi_usage_nonce}: every node of the marketplace shares
 * the database, so a request replayed to another node is refused too. The primary key decides (an insert either
 * wins or fails on the duplicate), so two nodes racing with the same nonce cannot both accept it. Rows whose
 * request timestamp has left the window are deleted as new nonces arrive.
 */
@Component
public class JdbcNonceReplayGuard implements NonceReplayGuard {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcNonceReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String nonce, Instant forgetAfter) {
        jdbc.sql("DELETE FROM openapi_usage_nonce WHERE forget_after < ?")
                .param(clock.instant().atOffset(ZoneOffset.UTC)).update();
        try {
            jdbc.sql("INSERT INTO openapi_usage_nonce (nonce, forget_after) VALUES (?, ?)")
                    .params(nonce, forgetAfter.atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
