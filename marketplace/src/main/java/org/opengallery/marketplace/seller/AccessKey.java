package org.opengallery.marketplace.seller;

/** A V2 access key and the production address it is bound to. {@code toString} never shows the key. */
public record AccessKey(long sellerId, InterfaceType type, String productionUrl, String key) {
    @Override
    public String toString() {
        return "AccessKey[sellerId=" + sellerId + ", type=" + type + ", productionUrl=" + productionUrl + ", key=***]";
    }
}
