/**
 * Products, SKUs and prices. A SKU's {@code skuCode} is stable; each of its prices has its own KooGallery
 * {@code productId} ({@code OFFI} + 18 digits unless given): one per period type for PERIOD, one for ONE_TIME and
 * ON_DEMAND_PKG, and one (amount 0, charged by usage at {@code unitPrice} per {@code usageUnit}) for ON_DEMAND.
 * Trials (3–180 days) only on PERIOD. A product is listed only when it has a SKU and a key for its production
 * address (V2: the seller's BASIC key bound to that URL; V1: the V1 Key).
 */
package org.opengallery.marketplace.catalog;
