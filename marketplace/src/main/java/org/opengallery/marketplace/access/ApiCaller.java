package org.opengallery.marketplace.access;

/** The authenticated caller of a JSON API request: a role and the id of the buyer, seller or operator. */
public record ApiCaller(Role role, long id) {}
