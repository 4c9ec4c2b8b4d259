package org.opengallery.marketplace.secrets;

import java.security.SecureRandom;

/**
 * Unguessable text drawn from an alphabet: keys, AK/SK, generated productIds, order-id suffixes, demo passwords.
 * One place, so every such value comes from a {@link SecureRandom}.
 */
public final class RandomText {

    public static final String DIGITS = "0123456789";
    public static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + DIGITS;
    public static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + DIGITS;
    /** For people to read and type: without 0/O, 1/l/I. */
    public static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {}

    public static String draw(String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
