package org.opengallery.marketplace.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import org.opengallery.protocol.message.order.BuyerInfo;

/**
 * What the engine must know of an order line to call a seller. V2 sends only the ids (the seller asks Query
 * Order for the rest); V1 sends everything on the query string, so the engine needs all of it.
 *
 * @param orderType   KooGallery's code: NEW, TRIAL, TRIAL_TO_FORMAL, RENEW, CHANGE, UNSUBSCRIBE
 * @param chargingMode PERIOD, ONE_TIME, ON_DEMAND, ON_DEMAND_PKG
 * @param periodType  "month" or "year" for PERIOD lines, null otherwise
 * @param expireTime  the instance's expiry after this order, null when it has none (pay-per-use)
 */
public record OrderFacts(
        String orderId, String orderLineId, String orderType, String productId, String skuCode,
        String chargingMode, String periodType, Integer periodNumber, Instant expireTime, boolean trial,
        BigDecimal amount, BuyerInfo buyer) {}
