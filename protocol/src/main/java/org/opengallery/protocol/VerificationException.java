package org.opengallery.protocol;

/**
 * A request that fails verification. Each subclass names one reason and carries the offending field, so a
 * server can answer with the right result code ({@link #resultCode()}) and a specific message, while the
 * message never contains a key or an expected signature.
 */
public abstract class VerificationException extends ProtocolException {

    protected VerificationException(String message) {
        super(message);
    }

    /** The protocol result code a seller answers this failure with: {@code 000001} or {@code 000002}. */
    public abstract String resultCode();
}
