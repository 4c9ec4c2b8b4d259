package org.opengallery.marketplace.seller;

import java.time.Instant;

/** One open-API AK as the keys page lists it: the AK and when it was created; the SK is never listed. */
public record OpenApiKeySummary(String accessKey, Instant createdAt) {}
