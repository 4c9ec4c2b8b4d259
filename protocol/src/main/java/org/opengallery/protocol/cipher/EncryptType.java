package org.opengallery.protocol.cipher;

import org.opengallery.protocol.cipher.CredentialCipherException.Reason;

/**
 * The {@code encryptType} a product is configured with. It travels as a code on the wire and decides only the AES
 * key size, so a mismatch between the code a seller sends and the key it actually used is a silent failure on
 * KooGallery's side; keeping both in one value prevents it.
 */
public enum EncryptType {

    /** Code {@code 1}: AES-256, the protocol's default when the field is absent. */
    AES_256("1", 256),

    /** Code {@code 2}: AES-128. */
    AES_128("2", 128);

    private final String code;
    private final int keySizeBits;

    EncryptType(String code, int keySizeBits) {
        this.code = code;
        this.keySizeBits = keySizeBits;
    }

    /** The wire value of the {@code encryptType} field. */
    public String code() {
        return code;
    }

    /** The AES key size in bits: 256 or 128. */
    public int keySizeBits() {
        return keySizeBits;
    }

    /** A display name such as {@code AES-256}. */
    public String label() {
        return "AES-" + keySizeBits;
    }

    /**
     * The type for a wire code, exactly {@code "1"} or {@code "2"}.
     *
     * @throws CredentialCipherException with {@link Reason#UNKNOWN_ENCRYPT_TYPE} for anything else, including
     *     {@code null}
     */
    public static EncryptType fromCode(String code) {
        for (EncryptType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        String got = code == null ? "no value" : "'" + code + "'";
        throw new CredentialCipherException(Reason.UNKNOWN_ENCRYPT_TYPE,
                "encryptType must be 1 (AES-256) or 2 (AES-128), got " + got);
    }

    /**
     * Like {@link #fromCode(String)}, but an absent field ({@code null} or empty) means {@link #AES_256}, the
     * documented default.
     */
    public static EncryptType fromCodeOrDefault(String code) {
        return code == null || code.isEmpty() ? AES_256 : fromCode(code);
    }
}
