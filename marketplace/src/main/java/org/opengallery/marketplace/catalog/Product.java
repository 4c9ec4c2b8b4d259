package org.opengallery.marketplace.catalog;

import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.cipher.EncryptType;

/**
 * A product (商品). {@code productionUrl} and {@code version} say where and how its orders are delivered;
 * {@code encryptType} matters for V1 only.
 */
public record Product(long id, long sellerId, String name, String description, AccessType accessType,
        boolean jointOperation, String productionUrl, InterfaceVersion version, EncryptType encryptType,
        boolean listed) {}
