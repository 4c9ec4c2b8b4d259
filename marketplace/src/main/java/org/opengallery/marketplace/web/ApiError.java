package org.opengallery.marketplace.web;

/** The JSON API's one error shape. */
public record ApiError(String error, String message) {}
