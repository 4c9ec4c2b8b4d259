package org.opengallery.conformance;

import org.opengallery.protocol.cipher.ClientSecretCipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The RSA public key a seller uploads with its joint-operation app credential; KooGallery encrypts the
 * {@code applicationSync} {@code clientSecret} with it. The spec names OAEP but not its digest, so this uses
 * SHA-256 with MGF1-SHA-256, as OpenGallery's platform does; a seller is expected to accept the SHA-1 readings
 * too. The ciphertext travels as standard Base64.
 */
public final class SellerPublicKey {

    private final RSAPublicKey key;

    private SellerPublicKey(RSAPublicKey key) {
        this.key = key;
    }

    public static SellerPublicKey of(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("the kit public key must be an RSA key, got " + key.getAlgorithm());
        }
        return new SellerPublicKey(rsa);
    }

    /**
     * Reads an X.509 {@code SubjectPublicKeyInfo} RSA key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}) or
     * a file holding just its Base64.
     *
     * @throws IllegalArgumentException with a one-line reason if the file is unreadable or holds no RSA public key
     */
    public static SellerPublicKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the kit public key file " + file + ": " + e.getMessage());
        }
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the kit public key file " + file
                    + " holds no X.509 RSA public key (PEM or Base64)");
        }
    }

    /** Base64 of the RSA-OAEP (SHA-256, MGF1-SHA-256) encryption of the secret, as the platform sends it. */
    public String encrypt(String secret) {
        return ClientSecretCipher.encrypt(secret, key);
    }

    public int bits() {
        return key.getModulus().bitLength();
    }

    @Override
    public String toString() {
        return "SellerPublicKey[RSA " + bits() + " bits]";
    }
}
