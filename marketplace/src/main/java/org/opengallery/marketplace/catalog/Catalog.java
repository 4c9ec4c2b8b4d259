package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opengallery.marketplace.delivery.SellerEndpoint;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.secrets.RandomText;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog capability's public service: products, SKUs and prices, and where a product is delivered. */
@Service
public class Catalog {

    private static final Pattern SKU_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern KG_PRODUCT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MIN_TRIAL_DAYS = 3;
    static final int MAX_TRIAL_DAYS = 180;

    private final JdbcClient jdbc;
    private final Sellers sellers;
    private final Clock clock;

    public Catalog(JdbcClient jdbc, Sellers sellers, Clock clock) {
        this.jdbc = jdbc;
        this.sellers = sellers;
        this.clock = clock;
    }

    /** A new product, delisted until {@link #list} (which checks it can be delivered). */
    @Transactional
    public Product createProduct(NewProduct p) {
        sellers.seller(p.sellerId()).orElseThrow(() -> ApiException.notFound("seller", Long.toString(p.sellerId())));
        require(p.name() != null && !p.name().isBlank() && p.name().length() <= 200, "invalid_product",
                "a product needs a name of 1 to 200 characters");
        String description = p.description() == null ? "" : p.description();
        require(description.length() <= 4000, "invalid_product", "a product description is at most 4000 characters");
        require(p.accessType() != null, "invalid_product",
                "a product needs an access type: SAAS, LICENSE, API, IMAGE, HARDWARE or PROFESSIONAL_SERVICE");
        require(p.version() != null, "invalid_product", "a product needs the interface version it is delivered through: V1 or V2");
        String url = productionUrl(p.productionUrl());
        EncryptType encryptType = p.encryptType() == null ? EncryptType.AES_256 : p.encryptType();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO product (seller_id, name, description, access_type, joint_operation, production_url,
                                     interface_version, encrypt_type, listed, created_at)
                VALUES (:seller, :name, :description, :accessType, :joint, :url, :version, :encryptType, FALSE, :now)""")
                .param("seller", p.sellerId()).param("name", p.name().strip()).param("description", description)
                .param("accessType", p.accessType().name()).param("joint", p.jointOperation()).param("url", url)
                .param("version", p.version().name()).param("encryptType", encryptType.name())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Product(keys.getKey().longValue(), p.sellerId(), p.name().strip(), description, p.accessType(),
                p.jointOperation(), url, p.version(), encryptType, false);
    }

    @Transactional
    public Sku addSku(long productId, NewSku s) {
        product(productId).orElseThrow(() -> ApiException.notFound("product", Long.toString(productId)));
        require(s.skuCode() != null && SKU_CODE.matcher(s.skuCode()).matches(), "invalid_sku",
                "skuCode must be 1 to 64 letters, digits or _ . -");
        require(s.name() != null && !s.name().isBlank(), "invalid_sku", "SKU " + s.skuCode() + " needs a name");
        require(s.chargingMode() != null, "invalid_sku",
                "SKU " + s.skuCode() + " needs a charging mode: PERIOD, ONE_TIME, ON_DEMAND or ON_DEMAND_PKG");
        List<Price> prices = s.prices() == null ? List.of() : s.prices();
        if (s.trialDays() != null) {
            require(s.chargingMode() == ChargingMode.Known.PERIOD, "invalid_trial",
                    "a trial is allowed only on PERIOD (包年/包月) SKUs, not on " + s.chargingMode());
            require(s.trialDays() >= MIN_TRIAL_DAYS && s.trialDays() <= MAX_TRIAL_DAYS, "invalid_trial",
                    "trial days must be between " + MIN_TRIAL_DAYS + " and " + MAX_TRIAL_DAYS + ", got " + s.trialDays());
        }
        List<Price> stored = new ArrayList<>();
        switch (s.chargingMode()) {
            case PERIOD -> {
                require(!prices.isEmpty(), "invalid_price", "a PERIOD SKU needs a month and/or a year price");
                Set<PeriodType> seen = new HashSet<>();
                for (Price price : prices) {
                    require(price.periodType() != null, "invalid_price", "each PERIOD price needs periodType month or year");
                    require(seen.add(price.periodType()), "invalid_price",
                            "SKU " + s.skuCode() + " has two " + price.periodType().code() + " prices");
                    stored.add(checkedPrice(price));
                }
            }
            case ONE_TIME, ON_DEMAND_PKG -> {
                require(prices.size() == 1 && prices.get(0).periodType() == null, "invalid_price",
                        "a " + s.chargingMode() + " SKU has exactly one price, without a period type");
                stored.add(checkedPrice(prices.get(0)));
            }
            case ON_DEMAND -> {
                require(prices.isEmpty(), "invalid_price",
                        "an ON_DEMAND SKU is priced per usage unit (unitPrice, usageUnit), not with prices");
                require(s.unitPrice() != null && s.unitPrice().signum() > 0, "invalid_price",
                        "an ON_DEMAND SKU needs a unitPrice above 0");
                require(s.unitPrice().scale() <= 4, "invalid_price", "unitPrice has at most 4 decimals");
                require(s.usageUnit() != null && !s.usageUnit().isBlank() && s.usageUnit().length() <= 32, "invalid_price",
                        "an ON_DEMAND SKU needs the usage unit it is priced per (e.g. hour, call, GB)");
                stored.add(new Price(generatedProductId(), null, BigDecimal.ZERO.setScale(2)));
            }
        }
        if (s.chargingMode() != ChargingMode.Known.ON_DEMAND) {
            require(s.unitPrice() == null && s.usageUnit() == null, "invalid_price",
                    "unitPrice and usageUnit are only for ON_DEMAND SKUs");
        }
        try {
            jdbc.sql("""
                    INSERT INTO sku (sku_code, product_id, name, charging_mode, trial_days, usage_unit, unit_price, created_at)
                    VALUES (:code, :product, :name, :mode, :trial, :unit, :unitPrice, :now)""")
                    .param("code", s.skuCode()).param("product", productId).param("name", s.name().strip())
                    .param("mode", s.chargingMode().name()).param("trial", s.trialDays())
                    .param("unit", s.usageUnit()).param("unitPrice", s.unitPrice())
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
            for (Price price : stored) {
                jdbc.sql("INSERT INTO sku_price (kg_product_id, sku_code, period_type, amount) VALUES (:id, :sku, :period, :amount)")
                        .param("id", price.productId()).param("sku", s.skuCode())
                        .param("period", price.periodType() == null ? null : price.periodType().code())
                        .param("amount", price.amount()).update();
            }
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("duplicate_code",
                    "skuCode " + s.skuCode() + " or one of its productIds is already used");
        }
        return sku(s.skuCode()).orElseThrow();
    }

    /** Lists a product: it must have a SKU and a production address it can be delivered through. */
    @Transactional
    public void list(long productId) {
        Product p = product(productId).orElseThrow(() -> ApiException.notFound("product", Long.toString(productId)));
        require(!skus(productId).isEmpty(), "not_listable", "product " + productId + " has no SKU to sell");
        frozenReason(productId).ifPresent(reason -> {
            throw ApiException.conflict("product_frozen", "product " + productId + " is frozen (" + reason
                    + "); an operator must unfreeze it first");
        });
        endpointFor(p);
        jdbc.sql("UPDATE product SET listed = TRUE WHERE id = :id").param("id", productId).update();
    }

    /**
     * Moves a product to another production address (and interface version and encryptType): calls made from now
     * on go there, signed with the key bound to the new address, which must exist.
     */
    @Transactional
    public Product moveProductionAddress(long productId, String productionUrl, InterfaceVersion version,
            EncryptType encryptType) {
        product(productId).orElseThrow(() -> ApiException.notFound("product", Long.toString(productId)));
        EncryptType type = encryptType == null ? EncryptType.AES_256 : encryptType;
        jdbc.sql("UPDATE product SET production_url = :url, interface_version = :version, encrypt_type = :type WHERE id = :id")
                .param("url", productionUrl).param("version", version.name()).param("type", type.name())
                .param("id", productId).update();
        Product moved = product(productId).orElseThrow();
        endpointFor(moved);
        return moved;
    }

    /** Delists a product: no new orders; existing instances keep running, renew and unsubscribe. */
    @Transactional
    public void delist(long productId) {
        product(productId).orElseThrow(() -> ApiException.notFound("product", Long.toString(productId)));
        jdbc.sql("UPDATE product SET listed = FALSE WHERE id = :id").param("id", productId).update();
    }

    /**
     * Freezes a product (an operator's decision, or 5 days of failing dial tests): trading stops and it leaves the
     * storefront at once; instances already sold keep running. {@link #unfreeze} lifts it; listing again is a
     * separate step.
     */
    @Transactional
    public void freeze(long productId, String reason) {
        require(reason != null && !reason.isBlank(), "invalid_reason", "say why the product is frozen");
        int n = jdbc.sql("UPDATE product SET listed = FALSE, frozen_reason = :reason, frozen_at = :now WHERE id = :id")
                .param("reason", reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip())
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("id", productId).update();
        if (n == 0) {
            throw ApiException.notFound("product", Long.toString(productId));
        }
    }

    /** Lifts a freeze; the product stays off sale until listed again. */
    @Transactional
    public void unfreeze(long productId) {
        int n = jdbc.sql("UPDATE product SET frozen_reason = NULL, frozen_at = NULL WHERE id = :id")
                .param("id", productId).update();
        if (n == 0) {
            throw ApiException.notFound("product", Long.toString(productId));
        }
    }

    /** Why this product is frozen; empty when it is not. */
    public Optional<String> frozenReason(long productId) {
        return jdbc.sql("SELECT frozen_reason FROM product WHERE id = :id").param("id", productId)
                .query(String.class).optional();
    }

    public Optional<Product> product(long productId) {
        return jdbc.sql("SELECT * FROM product WHERE id = :id").param("id", productId).query(Catalog::product).optional();
    }

    public List<ProductListing> listedProducts() {
        return jdbc.sql("SELECT * FROM product WHERE listed = TRUE ORDER BY id").query(Catalog::product).list().stream()
                .map(p -> new ProductListing(p, skus(p.id())))
                .toList();
    }

    /**
     * Listed products whose name or description contains every word of {@code query}, case-insensitively (the
     * storefront's search); all listed products for a blank query.
     */
    public List<ProductListing> search(String query) {
        return search(query, null);
    }

    /** {@link #search(String)} within one category (access type); every category for null. */
    public List<ProductListing> search(String query, AccessType category) {
        String[] words = query == null || query.isBlank() ? new String[0]
                : query.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        StringBuilder sql = new StringBuilder("SELECT * FROM product WHERE listed = TRUE");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (category != null) {
            sql.append(" AND access_type = :category");
            params.put("category", category.name());
        }
        for (int i = 0; i < words.length && i < 10; i++) {
            sql.append(" AND (LOWER(name) LIKE :w").append(i).append(" ESCAPE '!' OR LOWER(description) LIKE :w")
                    .append(i).append(" ESCAPE '!')");
            params.put("w" + i, "%" + words[i].replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        sql.append(" ORDER BY id");
        return jdbc.sql(sql.toString()).params(params).query(Catalog::product).list().stream()
                .map(p -> new ProductListing(p, skus(p.id())))
                .toList();
    }

    /** The categories (access types) that have a listed product, in the enum's order. */
    public List<AccessType> categories() {
        java.util.Set<String> used = new java.util.HashSet<>(jdbc.sql(
                "SELECT DISTINCT access_type FROM product WHERE listed = TRUE").query(String.class).list());
        return java.util.Arrays.stream(AccessType.values()).filter(t -> used.contains(t.name())).toList();
    }

    public Optional<Sku> sku(String skuCode) {
        if (skuCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM sku WHERE sku_code = :code").param("code", skuCode)
                .query((rs, n) -> sku(rs)).optional();
    }

    public List<Sku> skus(long productId) {
        return jdbc.sql("SELECT * FROM sku WHERE product_id = :id ORDER BY sku_code").param("id", productId)
                .query((rs, n) -> sku(rs)).list();
    }

    /** Where and how the seller of a product is called: V2 signs with the BASIC key bound to the product's address. */
    public SellerEndpoint endpointFor(long productId) {
        return endpointFor(product(productId).orElseThrow(() -> ApiException.notFound("product", Long.toString(productId))));
    }

    /** The seller's listed products: which ones a production address or a key serves (rotation, dial tests). */
    public List<Product> listedProductsOf(long sellerId) {
        return jdbc.sql("SELECT * FROM product WHERE seller_id = :seller AND listed = TRUE ORDER BY id")
                .param("seller", sellerId).query(Catalog::product).list();
    }

    /** {@link #endpointFor(long)} for a product already read (a payment reads it anyway): one statement less. */
    public SellerEndpoint endpointFor(Product p) {
        Seller seller;
        String key;
        switch (p.version()) {
            case V2 -> {
                // the seller and its key in one statement
                var found = sellers.sellerWithAccessKey(p.sellerId(), InterfaceType.BASIC, p.productionUrl())
                        .orElseThrow();
                seller = found.seller();
                if (found.accessKey() == null) {
                    throw new ApiException(HttpStatus.CONFLICT, "not_deliverable", "seller " + p.sellerId()
                            + " has no BASIC access key bound to " + p.productionUrl() + ", so product " + p.id()
                            + " cannot be delivered");
                }
                key = found.accessKey().key();
            }
            case V1 -> {
                seller = sellers.seller(p.sellerId()).orElseThrow();
                key = sellers.v1Key(p.sellerId())
                        .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "not_deliverable", "seller "
                                + p.sellerId() + " has no V1 Key, so V1 product " + p.id() + " cannot be delivered"));
            }
            default -> throw new IllegalStateException("interface version " + p.version());
        }
        return new SellerEndpoint(p.sellerId(), p.productionUrl(), p.version(), key, p.encryptType(),
                seller.customerServiceEmail());
    }

    /**
     * Takes one unit of a SKU for a new order (publishing's sales switches): refused when the seller delisted the
     * SKU or its counted stock is used up; a counted stock goes down by one, in the order's transaction.
     */
    @Transactional
    public void takeForNewOrder(String skuCode) {
        int taken = jdbc.sql("""
                UPDATE sku SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - 1 END
                WHERE sku_code = :code AND delisted = FALSE AND (stock IS NULL OR stock > 0)""")
                .param("code", skuCode).update();
        if (taken == 0) {
            boolean delisted = jdbc.sql("SELECT delisted FROM sku WHERE sku_code = :code").param("code", skuCode)
                    .query(Boolean.class).optional().orElseThrow(() -> ApiException.notFound("SKU", skuCode));
            throw delisted ? ApiException.conflict("sku_delisted", "spec " + skuCode + " is no longer sold")
                    : ApiException.conflict("sold_out", "spec " + skuCode + " is sold out");
        }
    }

    private Sku sku(ResultSet rs) throws SQLException {
        String code = rs.getString("sku_code");
        List<Price> prices = jdbc.sql("""
                SELECT kg_product_id, period_type, amount FROM sku_price WHERE sku_code = :code
                ORDER BY period_type""")
                .param("code", code)
                .query((r, n) -> new Price(r.getString(1), PeriodType.ofNullable(r.getString(2)), r.getBigDecimal(3)))
                .list();
        return new Sku(code, rs.getLong("product_id"), rs.getString("name"),
                ChargingMode.Known.valueOf(rs.getString("charging_mode")), rs.getObject("trial_days", Integer.class),
                rs.getBigDecimal("unit_price"), rs.getString("usage_unit"), prices);
    }

    private static Product product(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getLong("id"), rs.getLong("seller_id"), rs.getString("name"), rs.getString("description"),
                AccessType.valueOf(rs.getString("access_type")), rs.getBoolean("joint_operation"),
                rs.getString("production_url"), InterfaceVersion.valueOf(rs.getString("interface_version")),
                EncryptType.valueOf(rs.getString("encrypt_type")), rs.getBoolean("listed"));
    }

    private Price checkedPrice(Price price) {
        require(price.amount() != null && price.amount().signum() >= 0, "invalid_price", "a price is 0 or more");
        require(price.amount().scale() <= 2, "invalid_price", "a price has at most 2 decimals, got " + price.amount());
        String id = price.productId() == null ? generatedProductId() : price.productId();
        require(KG_PRODUCT_ID.matcher(id).matches(), "invalid_price", "productId must be 1 to 64 letters, digits, _ or -");
        return new Price(id, price.periodType(), price.amount().setScale(2));
    }

    /** KooGallery-looking productIds: OFFI and 18 digits. */
    static String generatedProductId() {
        return "OFFI" + RandomText.draw(RandomText.DIGITS, 18);
    }

    private static String productionUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("invalid_production_url", "a product needs a production address");
        }
        try {
            var uri = new java.net.URI(url.strip());
            require(("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null,
                    "invalid_production_url", "the production address must start with http:// or https:// and name a host, got " + url);
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("invalid_production_url", "the production address is not a URL: " + url);
        }
    }

    private static void require(boolean ok, String error, String message) {
        if (!ok) {
            throw ApiException.badRequest(error, message);
        }
    }
}
