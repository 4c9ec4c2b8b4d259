package org.opengallery.marketplace.instance;

import java.time.Instant;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * An instance as the other capabilities see it. {@code key} is the marketplace's own id; {@code instanceId} is the
 * seller's, null until the seller accepted the create call. {@code productId} is the KooGallery productId (the
 * price the instance runs on), {@code catalogProductId} the catalog product. {@code expireTime} is null for
 * instances that do not expire (pay-per-use, one-time). {@code appInfo} is null until provisioned. {@code autoRenew}
 * is the buyer's expiry policy (修改到期策略): renew automatically from the balance, or let it expire.
 */
public record Instance(long key, String instanceId, long buyerId, long sellerId, long catalogProductId, String skuCode,
        String productId, ChargingMode.Known chargingMode, PeriodType periodType, boolean trial, InstanceStatus status,
        String orderId, String orderLineId, String lastOrderId, Instant expireTime, Instant frozenAt, AppInfo appInfo,
        boolean autoRenew) {

    /** Only a formal (not trial) PERIOD instance that is running or frozen can renew itself. */
    public boolean mayAutoRenew() {
        return chargingMode == ChargingMode.Known.PERIOD && !trial && instanceId != null
                && (status == InstanceStatus.RUNNING || status == InstanceStatus.FROZEN);
    }
}
