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
        return KEYED_MAC.get().under(key).doFinal(data);
    }

    /*
     * Mac.getInstance walks the security providers on every call and init re-derives the padded keys: a
     * verifier paid both for every MAC. One Mac per thread, initialised again only when the key changes (a
     * seller uses one key per interface type), and reset by doFinal to the initialised state.
     */
    private static final ThreadLocal<KeyedMac> KEYED_MAC = ThreadLocal.withInitial(KeyedMac::new);

    /** A thread's Mac and the key it was last initialised with. */
    private static final class KeyedMac {
        private final Mac mac;
        private byte[] key;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
            }
        }

        Mac under(byte[] wanted) {
            if (key == null || !MessageDigest.isEqual(key, wanted)) {
                key = null; // until init succeeds: a rejected key must not leave the old one looking current
                try {
                    mac.init(new SecretKeySpec(wanted, "HmacSHA256"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
                }
                key = wanted.clone();
            }
            return mac;
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
