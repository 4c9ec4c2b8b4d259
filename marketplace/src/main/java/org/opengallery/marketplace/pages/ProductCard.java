package org.opengallery.marketplace.pages;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.opengallery.marketplace.catalog.Price;
import org.opengallery.marketplace.catalog.ProductListing;
import org.opengallery.marketplace.catalog.Sku;

/** A product as a storefront list shows it: the lowest price it is sold from and what that price buys. */
public record ProductCard(long id, String name, String description, BigDecimal fromPrice, String priceUnitKey,
        String usageUnit) {

    static ProductCard of(ProductListing listing) {
        BigDecimal from = null;
        String unitKey = null;
        String usageUnit = null;
        for (Sku sku : listing.skus()) {
            if (sku.unitPrice() != null) {
                if (from == null || sku.unitPrice().compareTo(from) < 0) {
                    from = sku.unitPrice();
                    unitKey = "price.per";
                    usageUnit = sku.usageUnit();
                }
                continue;
            }
            Price cheapest = sku.prices().stream().filter(p -> p.amount() != null)
                    .min(Comparator.comparing(Price::amount)).orElse(null);
            if (cheapest != null && (from == null || cheapest.amount().compareTo(from) < 0)) {
                from = cheapest.amount();
                unitKey = cheapest.periodType() == null ? "price.once" : "price." + cheapest.periodType().code();
                usageUnit = null;
            }
        }
        String description = Objects.requireNonNullElse(listing.product().description(), "");
        return new ProductCard(listing.product().id(), listing.product().name(),
                description.length() > 160 ? description.substring(0, 157) + "…" : description, from, unitKey, usageUnit);
    }
}
