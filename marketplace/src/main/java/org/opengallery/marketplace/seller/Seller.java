package org.opengallery.marketplace.seller;

/** A seller (服务商) as the other capabilities see it. */
public record Seller(long id, String name, String login, String customerServiceEmail) {}
