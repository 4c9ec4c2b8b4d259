package org.opengallery.protocol.cipher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The output stream of the SUN provider's {@code SHA1PRNG} when it is seeded once, before any output: the
 * generator KooGallery's key derivation depends on. Written out here so that the derived key does not depend on
 * which {@code SecureRandom} implementations a JVM happens to install.
 *
 * <p>Seeding sets the 20-byte state to SHA-1(seed). Each block of output is SHA-1(state); after producing it the
 * state becomes state + block + 1, added byte by byte from index 0 with the bytes taken as <em>signed</em>
 * values and the carry taken as the arithmetic shift of the sum (so it can be -1, 0 or 1), exactly as SUN's
 * implementation does; if that leaves the state unchanged, its first byte is incremented. Requests draw bytes
 * from the concatenated blocks, continuing where the previous request stopped.
 */
final class Sha1Prng {

    private static final int BLOCK_SIZE = 20;

    private final MessageDigest sha1;
    private final byte[] state;
    private final byte[] block = new byte[BLOCK_SIZE];
    private int position = BLOCK_SIZE;

    Sha1Prng(byte[] seed) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        state = sha1.digest(seed);
    }

    /** The next {@code count} bytes of the stream. */
    byte[] nextBytes(int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            if (position == BLOCK_SIZE) {
                nextBlock();
            }
            out[i] = block[position++];
        }
        return out;
    }

    /** Forgets the state, so that no more of the stream can be read from memory. */
    void erase() {
        Arrays.fill(state, (byte) 0);
        Arrays.fill(block, (byte) 0);
        position = BLOCK_SIZE;
    }

    private void nextBlock() {
        byte[] output = sha1.digest(state);
        System.arraycopy(output, 0, block, 0, BLOCK_SIZE);
        Arrays.fill(output, (byte) 0);
        advance(state, block);
        position = 0;
    }

    private static void advance(byte[] state, byte[] output) {
        int carry = 1;
        boolean changed = false;
        for (int i = 0; i < state.length; i++) {
            int sum = state[i] + output[i] + carry; // signed bytes, as in SUN's code
            byte low = (byte) sum;
            changed |= low != state[i];
            state[i] = low;
            carry = sum >> 8;
        }
        if (!changed) {
            state[0]++;
        }
    }
}
