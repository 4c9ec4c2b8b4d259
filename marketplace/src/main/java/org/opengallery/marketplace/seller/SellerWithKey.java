package org.opengallery.marketplace.seller;

/**
 * A seller with the access key bound to one production address, read together (what each production-interface
 * call needs); {@code accessKey} is null when the seller has no such key.
 */
public record SellerWithKey(Seller seller, AccessKey accessKey) {}
