package org.opengallery.marketplace.buyer;

/** The outcome of charging rated usage to a buyer. */
public enum UsageCharge {
    CHARGED,
    /** The same reference was charged before; nothing was taken again. */
    ALREADY_CHARGED,
    /** The balance does not cover it; nothing was taken (pay-per-use arrears are the caller's decision). */
    INSUFFICIENT_BALANCE
}
