package org.opengallery.marketplace.catalog;

/** What a seller asks the operators to review (我的申请). */
public enum ApplicationKind {
    /** A new product: approval creates it, with its SKUs, and lists it. */
    PUBLICATION,
    /** A change to a product that exists: approval applies it to the live product. */
    MODIFICATION,
    /** Taking a product off sale (下架): approval delists it and all its specs. */
    DELIST
}
