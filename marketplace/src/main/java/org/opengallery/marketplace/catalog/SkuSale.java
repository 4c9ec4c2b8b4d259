package org.opengallery.marketplace.catalog;

/** The seller's sales switches on one SKU: delisted (下架, no new orders) and the stock left, null when uncounted. */
public record SkuSale(String skuCode, boolean delisted, Integer stock) {

    /** Whether a new order may be placed for it now. */
    public boolean purchasable() {
        return !delisted && (stock == null || stock > 0);
    }

    public boolean soldOut() {
        return stock != null && stock <= 0;
    }
}
