package org.opengallery.marketplace.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the JSON API. A token is 32 random bytes (base64url) shown once at issue; only its SHA-256 is
 * stored, so a database leak yields no usable token.
 */
@Service
public class ApiTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for this buyer, seller or operator; the only time it is seen in clear. */
    @Transactional
    public String issue(Role role, long subjectId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("INSERT INTO api_token (token_hash, role, subject_id, created_at) VALUES (:hash, :role, :id, :now)")
                .param("hash", hash(token)).param("role", role.name()).param("id", subjectId)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return token;
    }

    public Optional<ApiCaller> caller(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT role, subject_id FROM api_token WHERE token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> new ApiCaller(Role.valueOf(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    @Transactional
    public void revoke(String token) {
        jdbc.sql("DELETE FROM api_token WHERE token_hash = :hash").param("hash", hash(token)).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
