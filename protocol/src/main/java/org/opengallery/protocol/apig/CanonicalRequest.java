package org.opengallery.protocol.apig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;

/**
 * Builds the canonical request, part by part, the way Huawei's APIG signer SDK does. Signer and verifier both
 * call {@link #of}, so they cannot drift apart.
 */
final class CanonicalRequest {


    private CanonicalRequest() {
    }

    /**
     * {@code Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
     * hex(SHA-256(body))}, the signed header names lower-cased and taken in the order given (the signer sorts
     * them; the verifier uses the order of the {@code Authorization} header, as Huawei's verifier does).
     */
    static String of(ApigRequest request, List<String> signedHeaders) {
        List<String> names = new ArrayList<>(signedHeaders.size());
        for (String name : signedHeaders) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return request.method() + "\n"
                + uri(request.uri().getPath()) + "\n"
                + queryString(request.uri().getRawQuery()) + "\n"
                + headers(request, names) + "\n"
                + String.join(";", names) + "\n"
                + bodyHash(request.body());
    }

    /**
     * The decoded path, each character but {@code /} percent-encoded, with a leading and a trailing {@code /}
     * added where missing. Because the path is decoded first, {@code %2F} counts as {@code /}.
     */
    static String uri(String decodedPath) {
        String path = decodedPath == null ? "" : decodedPath;
        StringBuilder out = new StringBuilder(path.length() + 2);
        if (!path.startsWith("/")) {
            out.append('/');
        }
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            out.append(encode(path.substring(start, slash))).append('/');
            start = slash + 1;
        }
        out.append(encode(path.substring(start)));
        if (out.charAt(out.length() - 1) != '/') {
            out.append('/');
        }
        return out.toString();
    }

    /**
     * The raw query split on {@code &} and at the first {@code =}, names and values form-decoded ({@code +} is a
     * space), items with a blank name dropped, both re-encoded RFC 3986 style, sorted by encoded name then
     * encoded value, and joined as {@code name=value} with {@code &}. A parameter without value is {@code name=}.
     */
    static String queryString(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            String item = rawQuery.substring(start, end);
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            if (!name.trim().isEmpty()) {
                pairs.add(new String[] {encode(formDecode(name)), encode(formDecode(value))});
            }
            start = end + 1;
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * One {@code name:trimmed-value\n} line per signed header, in the given order. {@code host} is
     * {@link ApigRequest#host()}; a signed header the request lacks counts as empty, as in Huawei's verifier.
     */
    static String headers(ApigRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            String lower = name.toLowerCase(Locale.ROOT);
            String value = "host".equals(lower) ? request.host() : request.header(lower).orElse("");
            out.append(lower).append(':').append(value.trim()).append('\n');
        }
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the body; of an empty body, the well-known {@code e3b0c442…b855}. */
    static String bodyHash(byte[] body) {
        return Hex.lower(Hmac.digest(body));
    }

    /** RFC 3986 percent-encoding ({@code %20} for a space, {@code ~} kept), as the gateway's signer spells it. */
    static String encode(String text) {
        return org.opengallery.protocol.QueryString.encode(text);
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // java.net.URI has already rejected malformed escapes; keep whatever else slips through verbatim.
            return text;
        }
    }
}
