package org.opengallery.marketplace.seller;

import java.time.Instant;

/** One V2 access key as the keys page lists it: which type and address it serves, never the key itself. */
public record AccessKeySummary(long id, InterfaceType type, String productionUrl, Instant createdAt) {}
