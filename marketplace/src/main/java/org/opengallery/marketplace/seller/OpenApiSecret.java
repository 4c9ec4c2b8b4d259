package org.opengallery.marketplace.seller;

/** What verifying an open-API signature needs: whose AK it is and its SK. {@code toString} hides the SK. */
public record OpenApiSecret(long sellerId, String secretKey) {
    @Override
    public String toString() {
        return "OpenApiSecret[sellerId=" + sellerId + ", secretKey=***]";
    }
}
