package org.opengallery.marketplace.openapi;

import java.util.Objects;

/** A seller's open-API key pair: the seller it identifies and the secret key. {@link #toString()} hides the SK. */
public record OpenApiCredential(String sellerId, String secretKey) {

    public OpenApiCredential {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String toString() {
        return "OpenApiCredential[sellerId=" + sellerId + ", secretKey=<redacted>]";
    }
}
