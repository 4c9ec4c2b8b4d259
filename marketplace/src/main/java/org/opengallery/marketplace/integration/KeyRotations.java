package org.opengallery.marketplace.integration;

import java.util.List;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.KeyReplacements;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key rotation as the keys page offers it: first which LISTED products a new key affects (their deliveries are signed
 * with it from the moment of rotation, so the production interface must accept it first), then the rotation. The
 * addresses the replaced key signed for go back to UNVERIFIED until verified with the new key; calls still queued
 * for them are signed with the new key from their next attempt.
 */
@Service
public class KeyRotations {

    private final Sellers sellers;
    private final Catalog catalog;
    private final ProductionAddresses addresses;
    private final KeyReplacements queuedCalls;

    public KeyRotations(Sellers sellers, Catalog catalog, ProductionAddresses addresses, KeyReplacements queuedCalls) {
        this.queuedCalls = queuedCalls;
        this.sellers = sellers;
        this.catalog = catalog;
        this.addresses = addresses;
    }

    /** Listed products delivered over V1: all are signed with the seller's one V1 Key. */
    public List<Product> affectedByV1Key(long sellerId) {
        return catalog.listedProductsOf(sellerId).stream().filter(p -> p.version() == InterfaceVersion.V1).toList();
    }

    /** Listed V2 products at the key's address; another seller's key is not found. */
    public List<Product> affectedByAccessKey(long sellerId, long keyId) {
        AccessKey key = ownKey(sellerId, keyId);
        return catalog.listedProductsOf(sellerId).stream()
                .filter(p -> p.version() == InterfaceVersion.V2 && p.productionUrl().equals(key.productionUrl()))
                .toList();
    }

    /** The key (type and address) a rotation is about; another seller's id is not found. */
    public AccessKey ownKey(long sellerId, long keyId) {
        return sellers.accessKey(sellerId, keyId)
                .orElseThrow(() -> ApiException.notFound("access key", Long.toString(keyId)));
    }

    @Transactional
    public String rotateV1Key(long sellerId) {
        if (sellers.v1Key(sellerId).isEmpty()) {
            throw ApiException.conflict("no_v1_key", "there is no V1 Key to rotate yet; generate it first");
        }
        String key = sellers.issueV1Key(sellerId);
        addresses.keyReplaced(sellerId, a -> a.version() == InterfaceVersion.V1);
        queuedCalls.v1KeyReplaced(sellerId, key);
        return key;
    }

    @Transactional
    public AccessKey rotateAccessKey(long sellerId, long keyId) {
        AccessKey key = sellers.rotateAccessKey(sellerId, keyId);
        if (key.type() == org.opengallery.marketplace.seller.InterfaceType.BASIC) {
            addresses.keyReplaced(sellerId, a -> a.version() == InterfaceVersion.V2 && a.url().equals(key.productionUrl()));
            queuedCalls.accessKeyReplaced(sellerId, key.productionUrl(), key.key());
        }
        return key;
    }
}
