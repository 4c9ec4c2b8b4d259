package org.opengallery.marketplace.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.delivery.DeliveryEvents;
import org.opengallery.marketplace.secrets.SealedSecrets;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The instance capability's public service: instances, their state and expiry. State changes caused by orders are
 * asked for by the order capability (which also makes the matching production-interface calls); those caused by
 * the seller's answers arrive as {@link DeliveryEvents}; those caused by time come from {@link InstanceLifecycle}.
 * Every change is a conditional UPDATE on the expected state, so a repeated event or a second node changes nothing.
 */
@Service
public class Instances {

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;
    private final Clock clock;

    public Instances(JdbcClient jdbc, SealedSecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A PROVISIONING instance for a paid NEW / TRIAL line; returns its key. */
    @Transactional
    public long create(NewInstance n) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO instance (buyer_id, seller_id, catalog_product_id, sku_code, kg_product_id, charging_mode,
                    period_type, trial, status, order_id, order_line_id, last_order_id, expire_time, created_at)
                VALUES (:buyer, :seller, :product, :sku, :kgProduct, :mode, :period, :trial, 'PROVISIONING', :order,
                    :line, :order, :expire, :now)""")
                .param("buyer", n.buyerId()).param("seller", n.sellerId()).param("product", n.catalogProductId())
                .param("sku", n.skuCode()).param("kgProduct", n.productId()).param("mode", n.chargingMode().name())
                .param("period", n.periodType() == null ? null : n.periodType().code()).param("trial", n.trial())
                .param("order", n.orderId()).param("line", n.orderLineId()).param("expire", at(n.expireTime()))
                .param("now", at(clock.instant()))
                .update(keys, "instance_key");
        return keys.getKey().longValue();
    }

    public Optional<Instance> byKey(long key) {
        return jdbc.sql("SELECT * FROM instance WHERE instance_key = :key").param("key", key).query(this::instance).optional();
    }

    /** These instances, in key order, in one statement (those that do not exist are left out). */
    public List<Instance> byKeys(java.util.Collection<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM instance WHERE instance_key IN (:keys) ORDER BY instance_key")
                .param("keys", List.copyOf(keys)).query(this::instance).list();
    }

    /** By the seller's instanceId (what Query Order, usage push and the JSON API know). */
    public Optional<Instance> byInstanceId(String instanceId) {
        if (instanceId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM instance WHERE instance_id = :id").param("id", instanceId).query(this::instance).optional();
    }

    public List<Instance> ofBuyer(long buyerId) {
        return jdbc.sql("SELECT * FROM instance WHERE buyer_id = :buyer ORDER BY instance_key")
                .param("buyer", buyerId).query(this::instance).list();
    }

    /** This buyer's instance with this key; empty for another buyer's, so a guessed key shows nothing. */
    public Optional<Instance> ofBuyer(long buyerId, long key) {
        return jdbc.sql("SELECT * FROM instance WHERE instance_key = :key AND buyer_id = :buyer")
                .param("key", key).param("buyer", buyerId).query(this::instance).optional();
    }

    /**
     * Moves the expiry for a renewal or trial conversion. A FROZEN instance whose expiry now lies in the future
     * runs again (returns true: the caller sends UNFREEZE). A conversion also ends the trial.
     */
    @Transactional
    public boolean extend(long key, Instant newExpireTime, String orderId, String productId, PeriodType periodType) {
        Instant now = clock.instant();
        boolean unfrozen = newExpireTime.isAfter(now) && jdbc.sql("""
                UPDATE instance SET status = 'RUNNING', frozen_at = NULL
                WHERE instance_key = :key AND status = 'FROZEN' AND expire_time <= :now""")
                .param("key", key).param("now", at(now)).update() == 1;
        int changed = jdbc.sql("""
                UPDATE instance SET expire_time = :expire, last_order_id = :order, kg_product_id = :kgProduct,
                    period_type = :period, trial = FALSE
                WHERE instance_key = :key AND status IN ('RUNNING', 'FROZEN')""")
                .param("expire", at(newExpireTime)).param("order", orderId).param("kgProduct", productId)
                .param("period", periodType.code()).param("key", key).update();
        if (changed != 1) {
            throw new IllegalStateException("instance " + key + " is neither running nor frozen");
        }
        return unfrozen;
    }

    /** Switches the SKU for a paid upgrade (or back, when the upgrade failed); the instanceId stays. */
    @Transactional
    public void changeSku(long key, String skuCode, String productId, String orderId) {
        jdbc.sql("""
                UPDATE instance SET sku_code = :sku, kg_product_id = :kgProduct, last_order_id = :order
                WHERE instance_key = :key""")
                .param("sku", skuCode).param("kgProduct", productId).param("order", orderId).param("key", key).update();
    }

    /** RELEASED now (an unsubscription); true when this call released it. */
    @Transactional
    public boolean release(long key, String orderId) {
        return jdbc.sql("""
                UPDATE instance SET status = 'RELEASED', released_at = :now, last_order_id = :order
                WHERE instance_key = :key AND status IN ('RUNNING', 'FROZEN')""")
                .param("now", at(clock.instant())).param("order", orderId).param("key", key).update() == 1;
    }

    /**
     * Sets this buyer's expiry policy (修改到期策略) on its own instance: {@code autoRenew} renews one period from the
     * balance before expiry; off lets it expire (frozen, then released). Refused for trials, pay-per-use, one-time
     * and ended instances; another buyer's instance is not found.
     */
    @Transactional
    public Instance setAutoRenew(long buyerId, long key, boolean autoRenew) {
        Instance instance = ofBuyer(buyerId, key)
                .orElseThrow(() -> org.opengallery.marketplace.web.ApiException.notFound("instance", Long.toString(key)));
        if (autoRenew && !instance.mayAutoRenew()) {
            throw org.opengallery.marketplace.web.ApiException.conflict("not_auto_renewable", "only a formal, running or"
                    + " frozen PERIOD instance renews automatically; turn a trial into a formal one first");
        }
        jdbc.sql("UPDATE instance SET auto_renew = :on, auto_renew_tried_expiry = NULL WHERE instance_key = :key")
                .param("on", autoRenew).param("key", key).update();
        return byKey(key).orElseThrow();
    }

    /**
     * Instances whose buyer chose automatic renewal, expiring before {@code horizon}, not yet tried for their current
     * expiry: the auto-renewal pass's work, oldest expiry first.
     */
    public List<Instance> dueForAutoRenewal(Instant horizon, int limit) {
        return jdbc.sql("""
                SELECT * FROM instance
                WHERE auto_renew = TRUE AND status IN ('RUNNING', 'FROZEN') AND trial = FALSE
                  AND expire_time <= :horizon
                  AND (auto_renew_tried_expiry IS NULL OR auto_renew_tried_expiry <> expire_time)
                ORDER BY expire_time, instance_key
                LIMIT :limit""")
                .param("horizon", at(horizon)).param("limit", limit).query(this::instance).list();
    }

    /** Records that an automatic renewal was attempted for this expiry; false when another node already did. */
    @Transactional
    public boolean claimAutoRenewal(long key, Instant expireTime) {
        return jdbc.sql("""
                UPDATE instance SET auto_renew_tried_expiry = expire_time
                WHERE instance_key = :key AND expire_time = :expire
                  AND (auto_renew_tried_expiry IS NULL OR auto_renew_tried_expiry <> expire_time)""")
                .param("key", key).param("expire", at(expireTime)).update() == 1;
    }

    /** FAILED: delivery gave up on the create. */
    @Transactional
    public void markFailed(long key) {
        jdbc.sql("UPDATE instance SET status = 'FAILED' WHERE instance_key = :key AND status IN ('PROVISIONING', 'RUNNING')")
                .param("key", key).update();
    }

    /**
     * The seller answered create with its instanceId; the instance keeps PROVISIONING until the appInfo arrives.
     * Inside a transaction the instanceId is written just before it commits, and not at all when the same
     * transaction provisions the instance (a create answered synchronously and queried at once): that UPDATE sets
     * the instanceId too, so a delivery rewrites the instance row (and its six indexes) once instead of twice.
     */
    @EventListener
    public void on(DeliveryEvents.InstanceAccepted e) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            PendingAccepts.bound(this).byLine.put(e.orderLineId(), e.instanceId());
        } else {
            accept(e.orderLineId(), e.instanceId());
        }
    }

    private void accept(String orderLineId, String instanceId) {
        jdbc.sql("UPDATE instance SET instance_id = :id WHERE order_line_id = :line AND instance_id IS NULL")
                .param("id", instanceId).param("line", orderLineId).update();
    }

    /** The instanceIds accepted in the current transaction and not yet written; written before it commits. */
    private static final class PendingAccepts implements TransactionSynchronization {
        private final Instances instances;
        private final java.util.Map<String, String> byLine = new java.util.LinkedHashMap<>();

        private PendingAccepts(Instances instances) {
            this.instances = instances;
        }

        static PendingAccepts bound(Instances instances) {
            PendingAccepts pending = (PendingAccepts) TransactionSynchronizationManager.getResource(PendingAccepts.class);
            if (pending == null) {
                pending = new PendingAccepts(instances);
                TransactionSynchronizationManager.bindResource(PendingAccepts.class, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            return pending;
        }

        static PendingAccepts current() {
            return TransactionSynchronizationManager.isSynchronizationActive()
                    ? (PendingAccepts) TransactionSynchronizationManager.getResource(PendingAccepts.class) : null;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            byLine.forEach(instances::accept);
            byLine.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PendingAccepts.class);
        }
    }

    /** The buyer's usage information arrived: the instance runs. */
    @EventListener
    public void on(DeliveryEvents.InstanceProvisioned e) {
        AppInfo app = e.appInfo();
        int provisioned = jdbc.sql("""
                UPDATE instance SET instance_id = COALESCE(instance_id, :id), status = 'RUNNING',
                    front_end_url = :front, admin_url = :admin, app_user_name = :user, app_password_sealed = :password,
                    app_memo = :memo
                WHERE order_line_id = :line AND status = 'PROVISIONING'""")
                .param("id", e.instanceId()).param("line", e.orderLineId())
                .param("front", app == null ? null : app.frontEndUrl())
                .param("admin", app == null ? null : app.adminUrl())
                .param("user", app == null ? null : app.userName())
                // the buyer's admin password is a secret like any other: sealed at rest
                .param("password", app == null || app.password() == null ? null : secrets.seal(app.password()))
                .param("memo", app == null ? null : app.memo())
                .update();
        PendingAccepts pending = PendingAccepts.current();
        if (provisioned == 1 && pending != null && e.instanceId() != null
                && e.instanceId().equals(pending.byLine.get(e.orderLineId()))) {
            pending.byLine.remove(e.orderLineId()); // written by the UPDATE above (COALESCE keeps an earlier one)
        }
    }

    private Instance instance(ResultSet rs, int n) throws SQLException {
        String sealed = rs.getString("app_password_sealed");
        String front = rs.getString("front_end_url");
        AppInfo app = front == null && rs.getString("app_user_name") == null ? null
                : new AppInfo(front, rs.getString("admin_url"), rs.getString("app_user_name"),
                        sealed == null ? null : secrets.unseal(sealed), rs.getString("app_memo"));
        return new Instance(rs.getLong("instance_key"), rs.getString("instance_id"), rs.getLong("buyer_id"),
                rs.getLong("seller_id"), rs.getLong("catalog_product_id"), rs.getString("sku_code"),
                rs.getString("kg_product_id"), ChargingMode.Known.valueOf(rs.getString("charging_mode")),
                PeriodType.ofNullable(rs.getString("period_type")), rs.getBoolean("trial"),
                InstanceStatus.valueOf(rs.getString("status")), rs.getString("order_id"), rs.getString("order_line_id"),
                rs.getString("last_order_id"), instant(rs, "expire_time"), instant(rs, "frozen_at"), app,
                rs.getBoolean("auto_renew"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
