package org.opengallery.protocol;

/**
 * Root of every failure the protocol module reports: a request that does not verify, a value that cannot be
 * parsed, a credential that cannot be decrypted. Unchecked, so callers catch it where they can answer it
 * (with the protocol's result code) rather than everywhere.
 */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
