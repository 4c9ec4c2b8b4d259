package org.opengallery.marketplace.seller;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The consoles' read side of the sellers: the operator's seller search and count, and the Key status the seller's
 * 总览 shows (whether keys exist, never the keys themselves).
 */
@Service
public class SellerDirectory {

    /** Which keys the seller has: the V1 Key (获取Key值) and how many V2 access keys (密钥管理). */
    public record KeyStatus(boolean v1Key, long v2Keys) {
        public boolean any() {
            return v1Key || v2Keys > 0;
        }
    }

    private final JdbcClient jdbc;

    SellerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sellers whose name, login or customer-service e-mail contains {@code query} (case-insensitive), or whose id it
     * is; a blank query lists all. Newest first, at most {@code limit}.
     */
    public List<Seller> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return jdbc.sql("""
                SELECT id, name, login, customer_service_email FROM seller
                WHERE :q = '' OR LOWER(name) LIKE :like OR LOWER(login) LIKE :like
                   OR LOWER(customer_service_email) LIKE :like OR CAST(id AS VARCHAR(20)) = :q
                ORDER BY id DESC LIMIT :limit""")
                .param("q", q).param("like", "%" + q + "%").param("limit", limit)
                .query((rs, n) -> new Seller(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM seller").query(Long.class).single();
    }

    public KeyStatus keyStatus(long sellerId) {
        boolean v1 = jdbc.sql("SELECT COUNT(*) FROM seller WHERE id = :id AND v1_key_sealed IS NOT NULL")
                .param("id", sellerId).query(Long.class).single() > 0;
        long v2 = jdbc.sql("SELECT COUNT(*) FROM seller_access_key WHERE seller_id = :id").param("id", sellerId)
                .query(Long.class).single();
        return new KeyStatus(v1, v2);
    }
}
