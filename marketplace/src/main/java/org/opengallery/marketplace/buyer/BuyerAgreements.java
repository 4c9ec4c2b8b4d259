package org.opengallery.marketplace.buyer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的协议: what a buyer agreed to, order by order — the platform's user agreement and the product's service
 * agreement (platform.md §1.4: "shows 用户协议, 商品服务协议 and signing time"). Recorded when the order is placed with
 * both boxes ticked; recording the same order again changes nothing.
 */
@Service
public class BuyerAgreements {

    /** The two agreements a purchase accepts. */
    public enum Agreement { USER_AGREEMENT, PRODUCT_SERVICE_AGREEMENT }

    public record Signed(String orderId, long productId, String productName, Agreement agreement, Instant signedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public BuyerAgreements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void signedWithOrder(long buyerId, String orderId, long productId, String productName) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Agreement a : Agreement.values()) {
            jdbc.sql("""
                    INSERT INTO buyer_agreement (buyer_id, order_id, product_id, product_name, agreement, signed_at)
                    SELECT :buyer, :order, :product, :name, :agreement, :now
                    WHERE NOT EXISTS (SELECT 1 FROM buyer_agreement WHERE order_id = :order AND agreement = :agreement)""")
                    .param("buyer", buyerId).param("order", orderId).param("product", productId)
                    .param("name", productName).param("agreement", a.name()).param("now", now).update();
        }
    }

    /** This buyer's agreements, newest first. */
    public List<Signed> of(long buyerId) {
        return jdbc.sql("""
                SELECT order_id, product_id, product_name, agreement, signed_at FROM buyer_agreement
                WHERE buyer_id = :buyer ORDER BY id DESC""")
                .param("buyer", buyerId).query(BuyerAgreements::signed).list();
    }

    private static Signed signed(ResultSet rs, int n) throws SQLException {
        return new Signed(rs.getString(1), rs.getLong(2), rs.getString(3), Agreement.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
