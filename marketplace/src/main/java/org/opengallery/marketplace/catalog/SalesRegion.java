package org.opengallery.marketplace.catalog;

/**
 * Where a product is sold (platform.md §1.5): the China site (中国大陆站) or the international site (国际站). A product
 * sold on both is published once per site, as KooGallery does.
 */
public enum SalesRegion { CN_MAINLAND, INTERNATIONAL }
