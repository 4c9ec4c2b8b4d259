package org.opengallery.protocol.internal;

/** Lower-case hexadecimal encoding, as KooGallery's signatures use it. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String lower(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    public static String upper(byte[] bytes) {
        return lower(bytes).toUpperCase(java.util.Locale.ROOT);
    }
}
