package org.opengallery.sellerkit.internal;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.opengallery.sellerkit.JointOperationSync;
import org.opengallery.sellerkit.OrderSource;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.store.KitStore;

/**
 * Everything the engine needs, validated by {@code SellerKit.Builder}. A null key switches its interface type
 * off: such requests are answered {@code 000001} with a message saying the type is not configured.
 *
 * @param basicKey      V2 basic interfaces (URL signature)
 * @param v1Key         V1 interfaces (authToken, Body-Sign, credential cipher)
 * @param kitKey        joint-operation sync interfaces (x-sign)
 * @param orders        Query Order, or null to provision without order details
 * @param syncPrivateKey the private key matching the public key uploaded with the app credential, or null
 */
public record KitSettings(
        String basicKey,
        String v1Key,
        String kitKey,
        EncryptType encryptType,
        Clock clock,
        Duration timeWindow,
        NonceReplayGuard nonceGuard,
        KitStore store,
        OrderSource orders,
        SaasSeller seller,
        JointOperationSync sync,
        PrivateKey syncPrivateKey,
        Duration asyncBudget,
        Duration lease,
        boolean v1AsyncCreate,
        ExecutorService executor) {

    @Override
    public String toString() {
        return "KitSettings[keys=<redacted>, encryptType=" + encryptType + ", window=" + timeWindow
                + ", asyncBudget=" + asyncBudget + ", lease=" + lease + "]";
    }
}
