package org.opengallery.marketplace.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What publishing adds to a live product, read by the storefront and the consoles: its {@link ProductState}, its
 * {@link ProductProfile} (agreement, support, logo, images) and each SKU's {@link SkuSale}. The writes are
 * package-private: sellers go through {@link Publishing}, operators through {@link ProductReviews} and
 * {@link Catalog#freeze}.
 */
@Service
public class ProductSales {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProductSales(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A product with its state, as the consoles list it; {@code frozenReason} null unless FROZEN. */
    public record ProductRow(Product product, ProductState state, String frozenReason) {}

    public Optional<ProductRow> row(long productId) {
        return jdbc.sql("SELECT * FROM product WHERE id = :id").param("id", productId)
                .query(ProductSales::row).optional();
    }

    public List<ProductRow> ofSeller(long sellerId) {
        return jdbc.sql("SELECT * FROM product WHERE seller_id = :seller ORDER BY id DESC").param("seller", sellerId)
                .query(ProductSales::row).list();
    }

    /**
     * The operator console's product search: products whose name contains {@code query} (case-insensitively), or
     * whose seller is one of {@code sellerIds} (the sellers whose name matched), in {@code state} (any when null);
     * newest first, at most {@code limit}.
     */
    public List<ProductRow> search(String query, List<Long> sellerIds, ProductState state, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        StringBuilder sql = new StringBuilder("SELECT * FROM product WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            sql.append(" AND (LOWER(name) LIKE :q ESCAPE '!'");
            params.put("q", "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            if (q.matches("\\d{1,18}")) {
                sql.append(" OR id = :id OR seller_id = :id");
                params.put("id", Long.parseLong(q));
            }
            if (sellerIds != null && !sellerIds.isEmpty()) {
                sql.append(" OR seller_id IN (:sellers)");
                params.put("sellers", sellerIds);
            }
            sql.append(")");
        }
        if (state != null) {
            sql.append(switch (state) {
                case FROZEN -> " AND frozen_reason IS NOT NULL";
                case HIDDEN -> " AND frozen_reason IS NULL AND hidden = TRUE";
                case LISTED -> " AND frozen_reason IS NULL AND hidden = FALSE AND listed = TRUE";
                case DELISTED -> " AND frozen_reason IS NULL AND hidden = FALSE AND listed = FALSE";
            });
        }
        sql.append(" ORDER BY id DESC");
        return jdbc.sql(sql.toString()).params(params).query(ProductSales::row).list().stream()
                .limit(limit).toList();
    }

    /** The sellers that have a product (the operator search matches their names). */
    public List<Long> sellersWithProducts() {
        return jdbc.sql("SELECT DISTINCT seller_id FROM product ORDER BY seller_id").query(Long.class).list();
    }

    public ProductProfile profile(long productId) {
        return jdbc.sql("SELECT * FROM product_profile WHERE product_id = :id").param("id", productId)
                .query((rs, n) -> new ProductProfile(SalesRegion.valueOf(rs.getString("sales_region")),
                        rs.getString("service_agreement"),
                        new ServiceSupport(rs.getString("support_content"), rs.getString("support_hours"),
                                rs.getString("support_phone"), rs.getString("support_email")),
                        rs.getObject("logo_file_id", Long.class), fileIds(rs.getString("image_file_ids")),
                        rs.getObject("copyright_file_id", Long.class)))
                .optional().orElse(ProductProfile.NONE);
    }

    /** Each SKU's switches, by skuCode, in skuCode order. */
    public Map<String, SkuSale> skuSales(long productId) {
        Map<String, SkuSale> sales = new LinkedHashMap<>();
        jdbc.sql("SELECT sku_code, delisted, stock FROM sku WHERE product_id = :id ORDER BY sku_code")
                .param("id", productId)
                .query((rs, n) -> new SkuSale(rs.getString(1), rs.getBoolean(2), rs.getObject(3, Integer.class)))
                .list().forEach(s -> sales.put(s.skuCode(), s));
        return sales;
    }

    /** The SKUs a buyer may order now: not delisted, not sold out. */
    public List<Sku> purchasable(List<Sku> skus) {
        if (skus.isEmpty()) {
            return skus;
        }
        Map<String, SkuSale> sales = skuSales(skus.get(0).productId());
        return skus.stream().filter(s -> sales.getOrDefault(s.skuCode(), new SkuSale(s.skuCode(), false, null))
                .purchasable()).toList();
    }

    /**
     * Writes a product's profile (publishing approval; the demo shop for the products it makes directly). Public
     * for the demo; publishing checks the content with {@link PublishingRules} before it gets here.
     */
    @Transactional
    public void saveProfile(long productId, ProductProfile p) {
        int n = jdbc.sql("""
                UPDATE product_profile SET sales_region = :region, service_agreement = :agreement,
                       support_content = :content, support_hours = :hours, support_phone = :phone,
                       support_email = :email, logo_file_id = :logo, image_file_ids = :images,
                       copyright_file_id = :copyright, updated_at = :now
                WHERE product_id = :id""")
                .params(profileParams(productId, p)).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO product_profile (product_id, sales_region, service_agreement, support_content,
                           support_hours, support_phone, support_email, logo_file_id, image_file_ids,
                           copyright_file_id, updated_at)
                    VALUES (:id, :region, :agreement, :content, :hours, :phone, :email, :logo, :images, :copyright,
                            :now)""")
                    .params(profileParams(productId, p)).update();
        }
    }

    private Map<String, Object> profileParams(long productId, ProductProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", productId);
        m.put("region", p.salesRegion().name());
        m.put("agreement", p.serviceAgreement());
        m.put("content", p.support().content());
        m.put("hours", p.support().hours());
        m.put("phone", p.support().phone());
        m.put("email", p.support().email());
        m.put("logo", p.logoFileId());
        m.put("images", String.join(",", p.imageFileIds().stream().map(String::valueOf).toList()));
        m.put("copyright", p.copyrightFileId());
        m.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        return m;
    }

    /** Off the storefront without review: only a listed product can be hidden. */
    void hide(long productId) {
        int n = jdbc.sql("UPDATE product SET hidden = TRUE, listed = FALSE WHERE id = :id AND listed = TRUE")
                .param("id", productId).update();
        if (n == 0) {
            throw ApiException.conflict("not_listed", "product " + productId + " is not listed, so there is nothing to hide");
        }
    }

    void unhide(long productId) {
        jdbc.sql("UPDATE product SET hidden = FALSE WHERE id = :id").param("id", productId).update();
    }

    void delistSku(String skuCode) {
        jdbc.sql("UPDATE sku SET delisted = TRUE WHERE sku_code = :code").param("code", skuCode).update();
    }

    void relistSku(String skuCode) {
        jdbc.sql("UPDATE sku SET delisted = FALSE WHERE sku_code = :code").param("code", skuCode).update();
    }

    void stock(String skuCode, Integer stock) {
        jdbc.sql("UPDATE sku SET stock = :stock WHERE sku_code = :code").param("stock", stock).param("code", skuCode)
                .update();
    }

    /** A modification approved: the product's own fields (the address moves through {@link Catalog}). */
    void rewrite(long productId, ProductDraft d) {
        jdbc.sql("UPDATE product SET name = :name, description = :description, access_type = :type WHERE id = :id")
                .param("name", d.name().strip()).param("description", d.description() == null ? "" : d.description())
                .param("type", d.accessType().name()).param("id", productId).update();
    }

    /** A modification approved: a spec that exists gets its new name, trial and prices; its productIds stay. */
    void rewriteSku(Sku live, ProductDraft.DraftSku d) {
        jdbc.sql("""
                UPDATE sku SET name = :name, trial_days = :trial, unit_price = :unitPrice, usage_unit = :unit,
                       delisted = FALSE WHERE sku_code = :code""")
                .param("name", d.name().strip()).param("trial", d.trialDays())
                .param("unitPrice", d.chargingMode() == ChargingMode.Known.ON_DEMAND ? d.unitPrice() : live.unitPrice())
                .param("unit", d.chargingMode() == ChargingMode.Known.ON_DEMAND ? d.usageUnit() : live.usageUnit())
                .param("code", live.skuCode()).update();
        for (Price p : d.toNewSku().prices()) {
            Optional<Price> existing = live.price(p.periodType());
            if (existing.isPresent()) {
                jdbc.sql("UPDATE sku_price SET amount = :amount WHERE kg_product_id = :id")
                        .param("amount", p.amount().setScale(2)).param("id", existing.get().productId()).update();
            } else {
                jdbc.sql("INSERT INTO sku_price (kg_product_id, sku_code, period_type, amount) VALUES (:id, :sku, :period, :amount)")
                        .param("id", Catalog.generatedProductId()).param("sku", live.skuCode())
                        .param("period", p.periodType() == null ? null : p.periodType().code())
                        .param("amount", p.amount().setScale(2)).update();
            }
        }
    }

    private static ProductRow row(ResultSet rs, int n) throws SQLException {
        Product p = new Product(rs.getLong("id"), rs.getLong("seller_id"), rs.getString("name"),
                rs.getString("description"), AccessType.valueOf(rs.getString("access_type")),
                rs.getBoolean("joint_operation"), rs.getString("production_url"),
                InterfaceVersion.valueOf(rs.getString("interface_version")),
                EncryptType.valueOf(rs.getString("encrypt_type")), rs.getBoolean("listed"));
        String frozen = rs.getString("frozen_reason");
        ProductState state = frozen != null ? ProductState.FROZEN : rs.getBoolean("hidden") ? ProductState.HIDDEN
                : p.listed() ? ProductState.LISTED : ProductState.DELISTED;
        return new ProductRow(p, state, frozen);
    }

    private static List<Long> fileIds(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}
