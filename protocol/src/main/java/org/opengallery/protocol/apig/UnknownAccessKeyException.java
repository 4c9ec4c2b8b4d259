package org.opengallery.protocol.apig;

import org.opengallery.protocol.VerificationException;

/**
 * The {@code Authorization} header names an access key the marketplace does not know (or has revoked). A reason
 * of its own, apart from a wrong signature, so that logs and metrics can tell a misconfigured seller from a
 * forged request; the caller still only sees result code {@code 000001}, authentication failed.
 */
public final class UnknownAccessKeyException extends VerificationException {

    private final String accessKey;

    public UnknownAccessKeyException(String accessKey) {
        super("unknown access key " + accessKey);
        this.accessKey = accessKey;
    }

    /** The access key (AK) the request named; an identifier, not a secret. */
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String resultCode() {
        return "000001";
    }
}
