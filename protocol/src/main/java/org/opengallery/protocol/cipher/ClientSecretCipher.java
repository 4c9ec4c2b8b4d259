package org.opengallery.protocol.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The joint-operation {@code applicationSync} {@code clientSecret}: RSA-OAEP under the public key the seller
 * uploaded with its app credential (≥ 3072 bits), Base64 on the wire. The spec does not say which OAEP digest
 * the platform uses, so decryption tries SHA-256 with MGF1-SHA-256, SHA-256 with MGF1-SHA-1 (what Java's
 * {@code OAEPWithSHA-256AndMGF1Padding} means by default) and SHA-1; encryption uses SHA-256 with MGF1-SHA-256.
 * URL-safe Base64 is accepted too.
 */
public final class ClientSecretCipher {

    private static final OAEPParameterSpec SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final OAEPParameterSpec SHA256_MGF1_SHA1 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    private static final OAEPParameterSpec SHA1 =
            new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

    private ClientSecretCipher() {
    }

    /** Encrypts a client secret the way OpenGallery's platform sends it. */
    public static String encrypt(String clientSecret, PublicKey sellerPublicKey) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sellerPublicKey, SHA256);
            return Base64.getEncoder().encodeToString(cipher.doFinal(clientSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new CredentialCipherException(CredentialCipherException.Reason.BAD_PADDING,
                    "cannot encrypt the client secret with this public key: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a received client secret with the seller's private key.
     *
     * @throws CredentialCipherException {@code BAD_BASE64} or, when no OAEP variant decrypts it,
     *                                   {@code BAD_PADDING} (wrong key or corrupted value)
     */
    public static String decrypt(String encrypted, PrivateKey sellerPrivateKey) {
        byte[] bytes;
        try {
            String trimmed = encrypted.trim();
            bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new CredentialCipherException(CredentialCipherException.Reason.BAD_BASE64,
                    "clientSecret is not Base64");
        }
        for (OAEPParameterSpec spec : List.of(SHA256, SHA256_MGF1_SHA1, SHA1)) {
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                cipher.init(Cipher.DECRYPT_MODE, sellerPrivateKey, spec);
                return new String(cipher.doFinal(bytes), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException wrongVariant) {
                // try the next documented reading
            }
        }
        throw new CredentialCipherException(CredentialCipherException.Reason.BAD_PADDING,
                "clientSecret does not decrypt with this private key under RSA-OAEP (SHA-256 or SHA-1)");
    }
}
