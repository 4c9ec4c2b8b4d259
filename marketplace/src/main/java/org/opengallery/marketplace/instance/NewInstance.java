package org.opengallery.marketplace.instance;

import java.time.Instant;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.protocol.message.order.ChargingMode;

/** What a paid NEW / TRIAL order line creates. */
public record NewInstance(long buyerId, long sellerId, long catalogProductId, String skuCode, String productId,
        ChargingMode.Known chargingMode, PeriodType periodType, boolean trial, String orderId, String orderLineId,
        Instant expireTime) {}
