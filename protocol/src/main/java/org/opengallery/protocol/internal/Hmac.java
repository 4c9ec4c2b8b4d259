package org.opengallery.protocol.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and SHA-256, the only primitives KooGallery's signatures are built from. */
public final class Hmac {

    private Hmac() {
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. An empty key is legal in HMAC but not in Java's
     * {@link SecretKeySpec}, so callers reject blank keys before they get here. */
    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** HMAC-SHA256 with key and data taken as UTF-8. */
    public static byte[] sha256(String key, String data) {
        return sha256(utf8(key), utf8(data));
    }

    /** Plain SHA-256 digest. */
    public static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time equality, so that a verifier leaks nothing about how much of a guess was right. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Constant-time equality of two strings' UTF-8 bytes. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(utf8(a), utf8(b));
    }
}
