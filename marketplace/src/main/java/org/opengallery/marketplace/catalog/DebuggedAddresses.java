package org.opengallery.marketplace.catalog;

import java.util.Set;

/**
 * What publishing asks 应用接入调试 (the integration capability implements it): which debug cases a seller saved on
 * a production address and that passed their last run. platform.md §2.5: the address a product is delivered through
 * must be debugged and saved, with 新购, 续费, 过期 and 释放 passing for periodic products and 新购 and 释放 for the
 * others.
 */
public interface DebuggedAddresses {

    /**
     * The scenarios ({@code NEW_INSTANCE}, {@code RENEWAL}, {@code EXPIRY}, {@code RELEASE}, …) saved on the seller's
     * address {@code url} whose last run passed; empty when the seller has no such address.
     */
    Set<String> passingCases(long sellerId, String url);
}
