package org.opengallery.marketplace.access;

/** Who calls the JSON API. */
public enum Role { BUYER, SELLER, OPERATOR }
