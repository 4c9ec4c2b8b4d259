package org.opengallery.protocol;

/** The nonce was already used within the time window: a replayed request. Result code {@code 000002}. */
public final class ReplayedNonceException extends InvalidParameterException {

    private final String nonce;

    public ReplayedNonceException(String parameterName, String nonce) {
        super(parameterName, "nonce " + nonce + " was already used");
        this.nonce = nonce;
    }

    public String nonce() {
        return nonce;
    }
}
