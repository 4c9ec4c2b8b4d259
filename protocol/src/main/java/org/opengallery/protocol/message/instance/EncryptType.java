package org.opengallery.protocol.message.instance;

import java.util.Arrays;
import java.util.Optional;

/**
 * V1's {@code encryptType}: how {@code userName}/{@code password} in {@code appInfo} (and the buyer's
 * {@code mobilePhone}/{@code email}) are encrypted. The answer records carry the raw string, since V2 may
 * not use it at all; this names the two documented values.
 */
public enum EncryptType {
    /** {@code "1"}: AES-256-CBC with PKCS5 padding, the default. */
    AES_256("1", 256),
    /** {@code "2"}: AES-128-CBC with PKCS5 padding. */
    AES_128("2", 128);

    private final String code;
    private final int keySize;

    EncryptType(String code, int keySize) {
        this.code = code;
        this.keySize = keySize;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /** AES key size in bits. */
    public int keySize() {
        return keySize;
    }

    /** The type with this wire value, if documented. */
    public static Optional<EncryptType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
