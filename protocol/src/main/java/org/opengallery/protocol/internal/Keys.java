package org.opengallery.protocol.internal;

import org.opengallery.protocol.ProtocolException;

/** Checks on key material shared by every signer, so each rejects a missing key the same way. */
public final class Keys {

    private Keys() {
    }

    /** Rejects a null or empty key: HMAC with an empty key would "work" and accept forged requests. */
    public static String requireKey(String key, String what) {
        if (key == null || key.isEmpty()) {
            throw new ProtocolException(what + " must not be empty");
        }
        return key;
    }
}
