package org.opengallery.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opengallery.protocol.v2.SignatureScheme;

/**
 * The three values of a V2 timestamp-and-nonce signature as one request carries them: URL parameters for the
 * basic interfaces ({@link SignatureScheme#URL}), headers for kit sync ({@link SignatureScheme#KIT}). A null
 * {@code signature} leaves the signature out, to check that its absence is rejected.
 */
record TimestampSignature(SignatureScheme scheme, String signature, String timestamp, String nonce) {

    /** The same request without its signature. */
    TimestampSignature withoutSignature() {
        return new TimestampSignature(scheme, null, timestamp, nonce);
    }

    /** Name to value, in the order KooGallery writes them: signature, timestamp, nonce. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (signature != null) {
            values.put(scheme.signatureName(), signature);
        }
        values.put(scheme.timestampName(), timestamp);
        values.put(scheme.nonceName(), nonce);
        return values;
    }
}
