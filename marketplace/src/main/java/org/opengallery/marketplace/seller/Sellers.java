package org.opengallery.marketplace.seller;

import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.marketplace.secrets.SealedSecrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller capability's public service: sellers, the V1 Key, V2 access keys per interface type and production
 * address, and open-API AK/SK pairs. Secrets are sealed at rest ({@link SealedSecrets}) and returned in clear only
 * to the caller that needs them (the engine signing a call, the open API verifying one, the seller at creation).
 */
@Service
public class Sellers {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.@-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;
    private final Clock clock;

    public Sellers(JdbcClient jdbc, SealedSecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Transactional
    public Seller register(String name, String login, String customerServiceEmail) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("invalid_seller", "a seller needs a name of 1 to 200 characters");
        }
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw ApiException.badRequest("invalid_seller",
                    "a seller login is 3 to 100 letters, digits or _ . @ -");
        }
        if (customerServiceEmail == null || !EMAIL.matcher(customerServiceEmail).matches()) {
            throw ApiException.badRequest("invalid_seller",
                    "the customer-service e-mail must be an address like service@example.com");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO seller (name, login, customer_service_email, created_at)
                    VALUES (:name, :login, :email, :now)""")
                    .param("name", name.strip()).param("login", login).param("email", customerServiceEmail)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("login_taken", "a seller with login " + login + " already exists");
        }
        return new Seller(keys.getKey().longValue(), name.strip(), login, customerServiceEmail);
    }

    public Optional<Seller> sellerByLogin(String login) {
        return jdbc.sql("SELECT id, name, login, customer_service_email FROM seller WHERE login = :login")
                .param("login", login)
                .query((rs, n) -> sellerRow(rs))
                .optional();
    }

    private static void requireUsableKey(String key) {
        if (key == null || key.length() < 16 || key.length() > 256 || key.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("invalid_access_key", "a key is 16 to 256 characters without blanks");
        }
    }

    public Optional<Seller> seller(long sellerId) {
        return jdbc.sql("SELECT id, name, login, customer_service_email FROM seller WHERE id = :id")
                .param("id", sellerId)
                .query((rs, n) -> sellerRow(rs))
                .optional();
    }

    public String customerServiceEmail(long sellerId) {
        return existing(sellerId).customerServiceEmail();
    }

    /** Issues (or replaces) the seller's V1 Key (获取Key值) and returns it. */
    @Transactional
    public String issueV1Key(long sellerId) {
        return bindV1Key(sellerId, RandomText.draw(RandomText.ALPHANUMERIC, 32));
    }

    /** Sets the V1 Key to one the seller already has (see {@link #bindAccessKey}). */
    @Transactional
    public String bindV1Key(long sellerId, String key) {
        existing(sellerId);
        requireUsableKey(key);
        jdbc.sql("UPDATE seller SET v1_key_sealed = :sealed WHERE id = :id")
                .param("sealed", secrets.seal(key)).param("id", sellerId).update();
        return key;
    }

    public Optional<String> v1Key(long sellerId) {
        return jdbc.sql("SELECT v1_key_sealed FROM seller WHERE id = :id AND v1_key_sealed IS NOT NULL")
                .param("id", sellerId).query(String.class).optional().map(secrets::unseal);
    }

    /**
     * Creates the V2 access key for one interface type bound to one production address and returns it. Each key is
     * generated for its type alone, so no two types share a key; a second key for the same type and address is
     * refused (delete-and-recreate is not offered yet).
     */
    @Transactional
    public AccessKey createAccessKey(long sellerId, InterfaceType type, String productionUrl) {
        return bindAccessKey(sellerId, type, productionUrl, RandomText.draw(RandomText.ALPHANUMERIC, 32));
    }

    /**
     * Binds a key the seller already has (a seller moving from KooGallery keeps the key its production interface is
     * configured with) to one interface type and production address. At least 16 characters, no blanks.
     */
    @Transactional
    public AccessKey bindAccessKey(long sellerId, InterfaceType type, String productionUrl, String key) {
        existing(sellerId);
        if (type == null) {
            throw ApiException.badRequest("invalid_access_key", "an access key needs an interface type: BASIC, SYNC, LICENSE or GENERAL");
        }
        requireUsableKey(key);
        String url = productionUrl(productionUrl);
        requireNotServingAnotherType(sellerId, type, key);
        try {
            jdbc.sql("""
                    INSERT INTO seller_access_key (seller_id, interface_type, production_url, key_sealed, created_at)
                    VALUES (:seller, :type, :url, :sealed, :now)""")
                    .param("seller", sellerId).param("type", type.name()).param("url", url)
                    .param("sealed", secrets.seal(key)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("access_key_exists",
                    "seller " + sellerId + " already has a " + type + " key for " + url);
        }
        return new AccessKey(sellerId, type, url, key);
    }

    /** The access key of this type bound to this production address, if the seller created one. */
    public Optional<AccessKey> accessKey(long sellerId, InterfaceType type, String productionUrl) {
        return jdbc.sql("""
                SELECT interface_type, production_url, key_sealed FROM seller_access_key
                WHERE seller_id = :seller AND interface_type = :type AND production_url = :url""")
                .param("seller", sellerId).param("type", type.name()).param("url", productionUrl)
                .query((rs, n) -> new AccessKey(sellerId, InterfaceType.valueOf(rs.getString(1)), rs.getString(2),
                        secrets.unseal(rs.getString(3))))
                .optional();
    }

    /**
     * The seller and its access key of this type bound to this address, in one statement (every payment resolves
     * where its call goes); empty when the seller does not exist.
     */
    public Optional<SellerWithKey> sellerWithAccessKey(long sellerId, InterfaceType type, String productionUrl) {
        return jdbc.sql("""
                SELECT s.id, s.name, s.login, s.customer_service_email, k.key_sealed FROM seller s
                LEFT JOIN seller_access_key k ON k.seller_id = s.id AND k.interface_type = :type AND k.production_url = :url
                WHERE s.id = :seller""")
                .param("seller", sellerId).param("type", type.name()).param("url", productionUrl)
                .query((rs, n) -> {
                    String sealed = rs.getString("key_sealed");
                    return new SellerWithKey(sellerRow(rs),
                            sealed == null ? null : new AccessKey(sellerId, type, productionUrl, secrets.unseal(sealed)));
                })
                .optional();
    }

    /** The seller's BASIC keys, one per production address. */
    public List<AccessKey> basicKeys(long sellerId) {
        return jdbc.sql("""
                SELECT production_url, key_sealed FROM seller_access_key
                WHERE seller_id = :seller AND interface_type = 'BASIC' ORDER BY id""")
                .param("seller", sellerId)
                .query((rs, n) -> new AccessKey(sellerId, InterfaceType.BASIC, rs.getString(1), secrets.unseal(rs.getString(2))))
                .list();
    }

    /** The seller's V2 access keys, by interface type and address, without the keys themselves. */
    public List<AccessKeySummary> accessKeys(long sellerId) {
        return jdbc.sql("""
                SELECT id, interface_type, production_url, created_at FROM seller_access_key
                WHERE seller_id = :seller ORDER BY interface_type, production_url""")
                .param("seller", sellerId)
                .query((rs, n) -> new AccessKeySummary(rs.getLong(1), InterfaceType.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One of the seller's own V2 access keys by its id; another seller's id is not found. */
    public Optional<AccessKey> accessKey(long sellerId, long keyId) {
        return jdbc.sql("""
                SELECT interface_type, production_url, key_sealed FROM seller_access_key
                WHERE seller_id = :seller AND id = :id""")
                .param("seller", sellerId).param("id", keyId)
                .query((rs, n) -> new AccessKey(sellerId, InterfaceType.valueOf(rs.getString(1)), rs.getString(2),
                        secrets.unseal(rs.getString(3))))
                .optional();
    }

    /**
     * Replaces one of the seller's V2 access keys with a new random one (same type, same address) and returns it.
     * Every call to that address is signed with the new key from now on, so the seller's production interface must
     * already accept it.
     */
    @Transactional
    public AccessKey rotateAccessKey(long sellerId, long keyId) {
        AccessKey old = accessKey(sellerId, keyId)
                .orElseThrow(() -> ApiException.notFound("access key", Long.toString(keyId)));
        String key = RandomText.draw(RandomText.ALPHANUMERIC, 32);
        jdbc.sql("UPDATE seller_access_key SET key_sealed = :sealed, created_at = :now WHERE id = :id AND seller_id = :seller")
                .param("sealed", secrets.seal(key)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", keyId).param("seller", sellerId).update();
        return new AccessKey(sellerId, old.type(), old.productionUrl(), key);
    }

    /** A bound key must not already serve another interface type of this seller (KooGallery: keys must differ). */
    private void requireNotServingAnotherType(long sellerId, InterfaceType type, String key) {
        boolean shared = jdbc.sql("SELECT interface_type, key_sealed FROM seller_access_key WHERE seller_id = :seller")
                .param("seller", sellerId)
                .query((rs, n) -> !type.name().equals(rs.getString(1))
                        && java.security.MessageDigest.isEqual(secrets.unseal(rs.getString(2)).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8), key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .list().contains(true);
        if (shared) {
            throw ApiException.conflict("access_key_shared",
                    "this key already serves another interface type; each interface type needs its own key");
        }
    }

    /** The seller's open-API AKs (newest first), never the SKs. */
    public List<OpenApiKeySummary> openApiKeys(long sellerId) {
        return jdbc.sql("""
                SELECT access_key, created_at FROM seller_open_api_key WHERE seller_id = :seller
                ORDER BY created_at DESC, access_key""")
                .param("seller", sellerId)
                .query((rs, n) -> new OpenApiKeySummary(rs.getString(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Deletes one of the seller's own AK/SK pairs: open-API calls signed with it are refused from now on. */
    @Transactional
    public void deleteOpenApiKey(long sellerId, String accessKey) {
        int n = jdbc.sql("DELETE FROM seller_open_api_key WHERE seller_id = :seller AND access_key = :ak")
                .param("seller", sellerId).param("ak", accessKey == null ? "" : accessKey).update();
        if (n == 0) {
            throw ApiException.notFound("open API key", String.valueOf(accessKey));
        }
    }

    /** A new open-API AK/SK pair; the SK is returned here once and afterwards only to {@link #openApiSecret}. */
    @Transactional
    public OpenApiKeyPair createOpenApiKey(long sellerId) {
        existing(sellerId);
        String ak = RandomText.draw(RandomText.UPPER_ALPHANUMERIC, 20);
        String sk = RandomText.draw(RandomText.ALPHANUMERIC, 40);
        jdbc.sql("""
                INSERT INTO seller_open_api_key (access_key, seller_id, secret_sealed, created_at)
                VALUES (:ak, :seller, :sealed, :now)""")
                .param("ak", ak).param("seller", sellerId).param("sealed", secrets.seal(sk))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new OpenApiKeyPair(sellerId, ak, sk);
    }

    public Optional<OpenApiSecret> openApiSecret(String accessKey) {
        if (accessKey == null || accessKey.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT seller_id, secret_sealed FROM seller_open_api_key WHERE access_key = :ak")
                .param("ak", accessKey)
                .query((rs, n) -> new OpenApiSecret(rs.getLong(1), secrets.unseal(rs.getString(2))))
                .optional();
    }

    private Seller existing(long sellerId) {
        return seller(sellerId).orElseThrow(() -> ApiException.notFound("seller", Long.toString(sellerId)));
    }

    /** A production address is an absolute http(s) URL with a host (KooGallery demands a domain name). */
    static String productionUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("invalid_production_url", "a production address is required");
        }
        try {
            URI uri = new URI(url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ApiException.badRequest("invalid_production_url",
                        "the production address must start with http:// or https:// and name a host, got " + url);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("invalid_production_url", "the production address is not a URL: " + url);
        }
    }

    /** A seller from a row with the seller table's id, name, login and customer_service_email columns. */
    private static Seller sellerRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seller(rs.getLong("id"), rs.getString("name"), rs.getString("login"),
                rs.getString("customer_service_email"));
    }
}
