package org.opengallery.marketplace.catalog;

/**
 * A live product's sales state as the seller center and the operator console show it. One column does not hold
 * it: {@code listed}, {@code hidden} and {@code frozen_reason} together do, and a freeze outranks the rest.
 */
public enum ProductState {
    /** 已上架: on the storefront and on sale. */
    LISTED,
    /** 隐藏: taken off the storefront by the seller, no review needed; showing it again lists it. */
    HIDDEN,
    /** 已下架: off sale (approved delist request, or never listed); a modification approval lists it again. */
    DELISTED,
    /** 已冻结: an operator (or 5 days of failing dial tests) stopped trading; only an operator lifts it. */
    FROZEN
}
