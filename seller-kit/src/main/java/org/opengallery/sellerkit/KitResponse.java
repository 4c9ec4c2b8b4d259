package org.opengallery.sellerkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What to send back: status, headers and the exact body bytes. The body must be written unchanged — V1's
 * {@code Body-Sign} header is a MAC over these bytes.
 */
public record KitResponse(int status, Map<String, String> headers, byte[] body) {

    public KitResponse {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
