package org.opengallery.protocol.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * The straightforward JDK reading of Huawei's sample code (protocol-v2.md §5.1), the reference every test checks
 * {@link CredentialCipher} against: KeyGenerator("AES") fed by a SHA1PRNG seeded with the seller key, then
 * AES/CBC/PKCS5Padding with the IV string's UTF-8 bytes.
 */
final class HuaweiSampleCipher {

    private HuaweiSampleCipher() {
    }

    static SecretKey key(String sellerKey, int keySizeBits) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
            random.setSeed(sellerKey.getBytes(StandardCharsets.UTF_8));
            generator.init(keySizeBits, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encrypt(String plaintext, String sellerKey, String iv, int keySizeBits) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key(sellerKey, keySizeBits),
                    new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return iv + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String decrypt(String value, String sellerKey, int keySizeBits) {
        try {
            String iv = value.substring(0, 16);
            byte[] ciphertext = Base64.getDecoder().decode(value.substring(16));
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, key(sellerKey, keySizeBits),
                    new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
