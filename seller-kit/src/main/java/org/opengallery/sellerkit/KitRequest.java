package org.opengallery.sellerkit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it reached the seller, independent of any server: the kit's single entry point takes
 * this, so it plugs into a servlet, a JDK {@code HttpServer}, Netty or anything else.
 *
 * @param method   {@code GET} or {@code POST}
 * @param path     the request path, e.g. {@code /saasproduce} or {@code /produceAPI/v2/tenantSync}
 * @param rawQuery the query string exactly as received, undecoded (null or empty when none)
 * @param headers  header names are matched case-insensitively
 * @param body     the exact body bytes received
 */
public record KitRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public KitRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseless.putAll(headers);
        }
        headers = java.util.Collections.unmodifiableMap(caseless);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
