package org.opengallery.marketplace.delivery;

import org.opengallery.marketplace.secrets.SealedSecrets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 订单通知 settings (platform.md §4.5): a seller's order-notification addresses (URL, key, interface version),
 * each linked to access types (all products of that type) and/or single products. One access type or product is
 * linked to one address only — to move it, unlink it first; linking it again elsewhere is a conflict. When an
 * order of type NEW, RENEW, CHANGE or UNSUBSCRIBE is created, the product-level link wins over the access-type
 * link, and the order is notified once. Keys are stored encrypted like the calls' keys.
 */
@Service
public class OrderNotificationSettings {

    /** What a link targets. */
    public enum Scope { ACCESS_TYPE, PRODUCT }

    /** One configured address with its links; {@code toString} never shows a key (it has none). */
    public record Address(long id, long sellerId, String url, SellerEndpoint.InterfaceVersion version,
                          List<String> accessTypes, List<String> productIds) {}

    /** An address resolved for sending, key in clear (never logged). */
    record Resolved(String url, SellerEndpoint.InterfaceVersion version, String key) {
        @Override
        public String toString() {
            return "Resolved[url=" + url + ", version=" + version + ", key=***]";
        }
    }

    private final JdbcTemplate jdbc;
    private final SealedSecrets keys;
    private final Clock clock;

    OrderNotificationSettings(JdbcTemplate jdbc, SealedSecrets keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** Adds a notification address (after its debugging succeeded, in KooGallery's flow); returns its id. */
    @Transactional
    public long addAddress(long sellerId, String url, SellerEndpoint.InterfaceVersion version, String key) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        GeneratedKeyHolder ids = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO delivery_notify_address (seller_id, url, interface_version, "
                    + "seller_key_enc, created_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, sellerId);
            ps.setString(2, url);
            ps.setString(3, (version == null ? SellerEndpoint.InterfaceVersion.V2 : version).name());
            ps.setString(4, keys.seal(key));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps;
        }, ids);
        return ids.getKey().longValue();
    }

    /** Links an access type (e.g. SaaS, License, API) or a product to one of the seller's addresses. */
    @Transactional
    public void link(long sellerId, long addressId, Scope scope, String value) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        requireOwned(sellerId, addressId);
        try {
            jdbc.update("INSERT INTO delivery_notify_scope (seller_id, scope_type, scope_value, address_id) "
                    + "VALUES (?, ?, ?, ?)", sellerId, scope.name(), value, addressId);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("already_linked", (scope == Scope.PRODUCT ? "product " : "access type ") + value
                    + " is already linked to an order-notification address; unlink it first");
        }
    }

    /** Removes a link; true if there was one. */
    @Transactional
    public boolean unlink(long sellerId, Scope scope, String value) {
        return jdbc.update("DELETE FROM delivery_notify_scope WHERE seller_id = ? AND scope_type = ? AND scope_value = ?",
                sellerId, scope.name(), value) > 0;
    }

    /** Removes an address and its links; true if it existed. */
    @Transactional
    public boolean removeAddress(long sellerId, long addressId) {
        jdbc.update("DELETE FROM delivery_notify_scope WHERE seller_id = ? AND address_id = ?", sellerId, addressId);
        return jdbc.update("DELETE FROM delivery_notify_address WHERE seller_id = ? AND id = ?", sellerId, addressId) > 0;
    }

    /** The seller's addresses and their links. */
    @Transactional(readOnly = true)
    public List<Address> addresses(long sellerId) {
        Map<Long, List<Map<String, Object>>> links = jdbc.queryForList("SELECT address_id, scope_type, scope_value "
                        + "FROM delivery_notify_scope WHERE seller_id = ? ORDER BY scope_value", sellerId).stream()
                .collect(Collectors.groupingBy(r -> ((Number) r.get("address_id")).longValue()));
        return jdbc.query("SELECT id, url, interface_version FROM delivery_notify_address WHERE seller_id = ? ORDER BY id",
                (rs, n) -> {
                    long id = rs.getLong("id");
                    List<Map<String, Object>> mine = links.getOrDefault(id, List.of());
                    return new Address(id, sellerId, rs.getString("url"),
                            SellerEndpoint.InterfaceVersion.valueOf(rs.getString("interface_version")),
                            values(mine, Scope.ACCESS_TYPE), values(mine, Scope.PRODUCT));
                }, sellerId);
    }

    /** The address an order of this product notifies: product link first, else the access type's; one query. */
    Optional<Resolved> addressFor(long sellerId, String productId, String accessType) {
        return jdbc.query("SELECT a.url, a.interface_version, a.seller_key_enc FROM delivery_notify_scope s "
                        + "JOIN delivery_notify_address a ON a.id = s.address_id WHERE s.seller_id = ? AND "
                        + "((s.scope_type = 'PRODUCT' AND s.scope_value = ?) OR (s.scope_type = 'ACCESS_TYPE' AND s.scope_value = ?)) "
                        + "ORDER BY CASE s.scope_type WHEN 'PRODUCT' THEN 0 ELSE 1 END LIMIT 1",
                (rs, n) -> new Resolved(rs.getString(1), SellerEndpoint.InterfaceVersion.valueOf(rs.getString(2)),
                        keys.unseal(rs.getString(3))),
                sellerId, productId == null ? "" : productId, accessType == null ? "" : accessType).stream().findFirst();
    }

    private void requireOwned(long sellerId, long addressId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_notify_address WHERE id = ? AND seller_id = ?",
                Integer.class, addressId, sellerId);
        if (n == null || n == 0) {
            throw ApiException.notFound("order-notification address", Long.toString(addressId));
        }
    }

    private static List<String> values(List<Map<String, Object>> links, Scope scope) {
        return links.stream().filter(r -> scope.name().equals(r.get("scope_type")))
                .map(r -> (String) r.get("scope_value")).toList();
    }
}
