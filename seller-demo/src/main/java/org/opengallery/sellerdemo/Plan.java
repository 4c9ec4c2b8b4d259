package org.opengallery.sellerdemo;

/** What a workspace may hold. Which SKU buys which plan is {@link Plans}' business. */
public enum Plan {
    BASIC(50),
    PRO(1000);

    private final int notesLimit;

    Plan(int notesLimit) {
        this.notesLimit = notesLimit;
    }

    public int notesLimit() {
        return notesLimit;
    }
}
