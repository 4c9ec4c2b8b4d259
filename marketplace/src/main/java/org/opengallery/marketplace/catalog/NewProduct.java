package org.opengallery.marketplace.catalog;

import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.cipher.EncryptType;

/** What a seller fills in to publish a product; {@code encryptType} may be null (AES-256). */
public record NewProduct(long sellerId, String name, String description, AccessType accessType,
        boolean jointOperation, String productionUrl, InterfaceVersion version, EncryptType encryptType) {}
