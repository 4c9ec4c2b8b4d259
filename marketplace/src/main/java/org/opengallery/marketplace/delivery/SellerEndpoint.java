package org.opengallery.marketplace.delivery;

import java.util.Objects;
import org.opengallery.protocol.cipher.EncryptType;

/**
 * Where and how to call one seller for one product: the production address, the interface version it speaks, the
 * key that signs the calls (the V2 access key bound to that address, or the V1 Key), the product's encryptType
 * (V1: buyer contact data and returned credentials), and the customer-service e-mail that hears about failures.
 * {@code toString} never shows the key.
 */
public record SellerEndpoint(
        long sellerId, String url, InterfaceVersion version, String key, EncryptType encryptType,
        String customerServiceEmail) {

    public enum InterfaceVersion { V1, V2 }

    public SellerEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(key, "key");
        encryptType = encryptType == null ? EncryptType.AES_256 : encryptType;
    }

    @Override
    public String toString() {
        return "SellerEndpoint[sellerId=" + sellerId + ", url=" + url + ", version=" + version + ", key=***]";
    }
}
