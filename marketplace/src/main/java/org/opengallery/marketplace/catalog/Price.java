package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;

/**
 * One price of a SKU and the KooGallery {@code productId} it is sold under. {@code periodType} is set for PERIOD
 * SKUs (one price, and one productId, per period type) and null for the other charging modes.
 */
public record Price(String productId, PeriodType periodType, BigDecimal amount) {}
