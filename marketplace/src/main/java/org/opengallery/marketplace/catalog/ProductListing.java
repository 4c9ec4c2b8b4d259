package org.opengallery.marketplace.catalog;

import java.util.List;

/** A listed product with its SKUs, as the storefront shows it. */
public record ProductListing(Product product, List<Sku> skus) {}
