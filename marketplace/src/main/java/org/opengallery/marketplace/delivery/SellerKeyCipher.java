package org.opengallery.marketplace.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts seller keys the engine must keep to re-sign retries: AES-256-GCM under a key derived (SHA-256) from
 * {@code opengallery.marketplace.master-key}; stored as {@code v1:} + Base64(12-byte nonce + ciphertext + tag).
 * Delivery-local on purpose; the seller capability's own at-rest encryption will be folded with this later.
 * Without a configured master key the process makes up a random one and says so: calls written then cannot be
 * re-signed by another node or after a restart.
 */
@Component
class SellerKeyCipher {

    private static final Logger LOG = LoggerFactory.getLogger(SellerKeyCipher.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SellerKeyCipher(@Value("${opengallery.marketplace.master-key:}") String masterKey) {
        byte[] material;
        if (masterKey == null || masterKey.isBlank()) {
            LOG.warn("opengallery.marketplace.master-key is not set: seller keys of pending production-interface calls "
                    + "are encrypted with a random key that dies with this process; set it for restarts and several nodes");
            material = new byte[32];
            random.nextBytes(material);
        } else {
            material = masterKey.getBytes(StandardCharsets.UTF_8);
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a seller key: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @throws IllegalStateException if the value was sealed under another master key or altered */
    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("the stored seller key is not in a known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored seller key cannot be decrypted (was the master key changed?)");
        }
    }
}
