package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;

/** A buyer account and its balance. */
public record Buyer(long id, String login, String name, String mobilePhone, String email, BigDecimal balance) {}
