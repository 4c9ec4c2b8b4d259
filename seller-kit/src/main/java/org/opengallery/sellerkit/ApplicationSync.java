package org.opengallery.sellerkit;

import org.opengallery.protocol.message.sync.ApplicationSyncRequest;

/**
 * An {@code applicationSync} with its client secret decrypted (RSA-OAEP, the seller's private key): the
 * plaintext is what the OAuth token call needs.
 */
public record ApplicationSync(ApplicationSyncRequest request, String clientSecret) {

    @Override
    public String toString() {
        return "ApplicationSync[" + request + ", clientSecret=***]";
    }
}
