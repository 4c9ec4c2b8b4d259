/**
 * Products, SKUs and prices, and publishing them (商品发布).
 *
 * <p>Catalog: a SKU's {@code skuCode} is stable; each of its prices has its own KooGallery {@code productId}
 * ({@code OFFI} + 18 digits unless given): one per period type for PERIOD, one for ONE_TIME and ON_DEMAND_PKG, and
 * one (amount 0, charged by usage at {@code unitPrice} per {@code usageUnit}) for ON_DEMAND. Trials (3–180 days)
 * only on PERIOD. A product is listed only when it has a SKU and a key for its production address (V2: the
 * seller's BASIC key bound to that URL; V1: the V1 Key).
 *
 * <p>Publishing, how data flows: the seller's edit is a {@link org.opengallery.marketplace.catalog.ProductDraft}
 * kept as JSON in a {@link org.opengallery.marketplace.catalog.ProductApplication} (我的申请), apart from the live
 * product. {@link org.opengallery.marketplace.catalog.Publishing} saves drafts (showing what
 * {@link org.opengallery.marketplace.catalog.PublishingRules} still finds), attaches files through
 * {@code Uploads}, and submits once the seller's {@code SellerStanding} allows it and no rule is broken.
 * {@link org.opengallery.marketplace.catalog.ProductReviews} is the operators' side: approval turns a publication
 * into a listed product ({@link org.opengallery.marketplace.catalog.Catalog#createProduct},
 * {@code addSku}, {@code list}), applies a modification to the live product (skuCodes and productIds kept), or
 * delists; every outcome is a notice to the seller. {@link org.opengallery.marketplace.catalog.ProductSales}
 * holds what publishing adds to a live product — {@link org.opengallery.marketplace.catalog.ProductProfile}
 * (agreement, support, logo, images), {@link org.opengallery.marketplace.catalog.ProductState} (listed, hidden,
 * delisted, frozen) and each SKU's {@link org.opengallery.marketplace.catalog.SkuSale} (delisted, stock) — which
 * the storefront reads and {@code Orders} checks through {@link org.opengallery.marketplace.catalog.Catalog#takeForNewOrder}.
 */
package org.opengallery.marketplace.catalog;
