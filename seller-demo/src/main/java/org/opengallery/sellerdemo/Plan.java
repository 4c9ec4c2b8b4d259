package org.opengallery.sellerdemo;

import java.util.Locale;

/** What a workspace may hold, chosen from the SKU the buyer bought. */
public enum Plan {
    BASIC(50),
    PRO(1000),
    /** For SKUs we do not recognise (or orders we could not read): generous enough to try the product. */
    STANDARD(100);

    private final int notesLimit;

    Plan(int notesLimit) {
        this.notesLimit = notesLimit;
    }

    public int notesLimit() {
        return notesLimit;
    }

    /** The plan a SKU code (or, failing that, a productId) names: "pro" and "basic" in it decide. */
    public static Plan of(String skuCode, String productId) {
        String name = ((skuCode == null ? "" : skuCode) + " " + (productId == null ? "" : productId)).toLowerCase(Locale.ROOT);
        if (name.contains("pro")) {
            return PRO;
        }
        return name.contains("basic") ? BASIC : STANDARD;
    }
}
