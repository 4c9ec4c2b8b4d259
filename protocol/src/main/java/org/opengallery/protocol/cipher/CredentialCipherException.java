package org.opengallery.protocol.cipher;

import org.opengallery.protocol.ProtocolException;

/**
 * A credential that cannot be encrypted or decrypted. One type for every failure, with a {@link #reason()} that
 * callers branch on (a wrong key answers differently from a truncated value) instead of parsing messages.
 * Messages name lengths and limits but never the seller key or the plaintext.
 */
public final class CredentialCipherException extends ProtocolException {

    /** Why the cipher refused. */
    public enum Reason {
        /** The seller key is null, empty or only whitespace. */
        BLANK_KEY,
        /** {@code encryptType} is neither {@code 1} nor {@code 2}. */
        UNKNOWN_ENCRYPT_TYPE,
        /** An IV that is not 16 letters or digits (encrypting), or not 16 single-byte characters (decrypting). */
        BAD_IV,
        /** Text with no UTF-8 form (an unpaired surrogate), or decrypted bytes that are not UTF-8. */
        NOT_UTF8,
        /** An encrypted credential longer than KooGallery's 128-character field. */
        TOO_LONG,
        /** A value of 16 characters or fewer, or whose ciphertext part decodes to nothing. */
        TOO_SHORT,
        /** The part after the IV is not Base64. */
        BAD_BASE64,
        /** The ciphertext is not a whole number of 16-byte AES blocks. */
        BAD_LENGTH,
        /** The padding does not check out: wrong seller key, wrong encryptType, or a corrupted value. */
        BAD_PADDING
    }

    private final Reason reason;

    public CredentialCipherException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CredentialCipherException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
