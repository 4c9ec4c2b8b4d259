package org.opengallery.marketplace.delivery;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.secrets.SealedSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rotated key reaches the calls still queued: each call carries the key it was written with, and a seller that
 * rotates a key configures its interface with the new one, so the retries (and a 重新启动) of unfinished calls must
 * sign with the new key too, or they could only fail. Finished calls keep theirs (the key they were answered with).
 */
@Service
public class KeyReplacements {

    private static final List<String> UNFINISHED = List.of("PENDING", "RUNNING", "FAILED", "GAVE_UP");

    private final JdbcClient jdbc;
    private final SealedSecrets keys;
    private final Clock clock;

    KeyReplacements(JdbcClient jdbc, SealedSecrets keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** A V2 BASIC key of the address {@code url} was replaced: the seller's unfinished V2 calls to it take it. */
    @Transactional
    public int accessKeyReplaced(long sellerId, String url, String newKey) {
        return reseal(sellerId, InterfaceVersion.V2, url, newKey);
    }

    /** The seller's V1 Key was replaced: every unfinished V1 call of the seller takes it (one Key serves them all). */
    @Transactional
    public int v1KeyReplaced(long sellerId, String newKey) {
        return reseal(sellerId, InterfaceVersion.V1, null, newKey);
    }

    /** The seller's unfinished calls of this version (to {@code url}, or to every address for null) take the key. */
    private int reseal(long sellerId, InterfaceVersion version, String url, String newKey) {
        return jdbc.sql("""
                UPDATE delivery_call SET seller_key_enc = :key, updated_at = :now
                WHERE seller_id = :seller AND interface_version = :version AND status IN (:unfinished)"""
                        + (url == null ? "" : " AND url = :url"))
                .param("key", keys.seal(newKey)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("seller", sellerId).param("version", version.name()).param("url", url)
                .param("unfinished", UNFINISHED).update();
    }
}
