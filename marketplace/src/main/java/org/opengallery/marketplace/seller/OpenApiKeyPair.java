package org.opengallery.marketplace.seller;

/** A freshly created open-API AK/SK pair: the only time the SK is shown. {@code toString} hides the SK. */
public record OpenApiKeyPair(long sellerId, String accessKey, String secretKey) {
    @Override
    public String toString() {
        return "OpenApiKeyPair[sellerId=" + sellerId + ", accessKey=" + accessKey + ", secretKey=***]";
    }
}
