package org.opengallery.marketplace.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The product_application table; drafts travel as JSON. Package-private: {@link Publishing} is the way in. */
@Repository
class ProductApplications {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcClient jdbc;

    ProductApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long sellerId, Long productId, ApplicationKind kind, ApplicationState state, ProductDraft draft,
            String delistReason, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO product_application (seller_id, product_id, kind, state, content, delist_reason,
                                                 created_at, updated_at, submitted_at)
                VALUES (:seller, :product, :kind, :state, :content, :reason, :now, :now, :submitted)""")
                .param("seller", sellerId).param("product", productId).param("kind", kind.name())
                .param("state", state.name()).param("content", draft == null ? null : json(draft))
                .param("reason", delistReason).param("now", at(now))
                .param("submitted", state == ApplicationState.SUBMITTED ? at(now) : null)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ProductApplication> find(long id) {
        return jdbc.sql("SELECT * FROM product_application WHERE id = :id").param("id", id)
                .query(ProductApplications::row).optional();
    }

    /** Locks the row for a state change, so a withdraw and an approval cannot both win. */
    Optional<ProductApplication> lock(long id) {
        return jdbc.sql("SELECT * FROM product_application WHERE id = :id FOR UPDATE").param("id", id)
                .query(ProductApplications::row).optional();
    }

    List<ProductApplication> ofSeller(long sellerId) {
        return jdbc.sql("SELECT * FROM product_application WHERE seller_id = :seller ORDER BY id DESC")
                .param("seller", sellerId).query(ProductApplications::row).list();
    }

    /** The application of this product waiting for review, if any (at most one at a time). */
    Optional<ProductApplication> submittedFor(long productId) {
        return jdbc.sql("SELECT * FROM product_application WHERE product_id = :product AND state = 'SUBMITTED'")
                .param("product", productId).query(ProductApplications::row).list().stream().findFirst();
    }

    /** The modification of this product not yet approved (a draft, rejected, withdrawn or submitted), if any. */
    Optional<ProductApplication> openModificationOf(long productId) {
        return jdbc.sql("""
                SELECT * FROM product_application WHERE product_id = :product AND kind = 'MODIFICATION'
                AND state <> 'APPROVED' ORDER BY id DESC""")
                .param("product", productId).query(ProductApplications::row).list().stream().findFirst();
    }

    List<ProductApplication> queue(ApplicationKind kind) {
        if (kind == null) {
            return jdbc.sql("SELECT * FROM product_application WHERE state = 'SUBMITTED' ORDER BY submitted_at, id")
                    .query(ProductApplications::row).list();
        }
        return jdbc.sql("""
                SELECT * FROM product_application WHERE state = 'SUBMITTED' AND kind = :kind
                ORDER BY submitted_at, id""")
                .param("kind", kind.name()).query(ProductApplications::row).list();
    }

    void saveDraft(long id, ProductDraft draft, Instant now) {
        jdbc.sql("UPDATE product_application SET content = :content, state = 'DRAFT', updated_at = :now WHERE id = :id")
                .param("content", json(draft)).param("now", at(now)).param("id", id).update();
    }

    void submitted(long id, Instant now) {
        jdbc.sql("""
                UPDATE product_application SET state = 'SUBMITTED', submitted_at = :now, updated_at = :now,
                       reject_reason = NULL, decided_at = NULL WHERE id = :id""")
                .param("now", at(now)).param("id", id).update();
    }

    void withdrawn(long id, Instant now) {
        jdbc.sql("UPDATE product_application SET state = 'WITHDRAWN', updated_at = :now WHERE id = :id")
                .param("now", at(now)).param("id", id).update();
    }

    void decided(long id, ApplicationState state, String rejectReason, Long productId, Instant now) {
        jdbc.sql("""
                UPDATE product_application SET state = :state, reject_reason = :reason, decided_at = :now,
                       updated_at = :now, product_id = COALESCE(:product, product_id) WHERE id = :id""")
                .param("state", state.name()).param("reason", rejectReason).param("now", at(now))
                .param("product", productId).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM product_application WHERE id = :id").param("id", id).update();
    }

    private static ProductApplication row(ResultSet rs, int n) throws SQLException {
        String content = rs.getString("content");
        return new ProductApplication(rs.getLong("id"), rs.getLong("seller_id"), rs.getObject("product_id", Long.class),
                ApplicationKind.valueOf(rs.getString("kind")), ApplicationState.valueOf(rs.getString("state")),
                content == null ? null : draft(content), rs.getString("delist_reason"), rs.getString("reject_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"),
                instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String json(ProductDraft draft) {
        try {
            return JSON.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft could not be written as JSON", e);
        }
    }

    static ProductDraft draft(String json) {
        try {
            return JSON.readValue(json, ProductDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft could not be read", e);
        }
    }
}
