package org.opengallery.sellerkit.client;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for query values and form fields. Query values are encoded the RFC 3986 way, as the AK/SK
 * canonical request spells them ({@code %20}, {@code ~} kept), so the URL sent and the URL signed agree on sight.
 */
final class QueryEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    /** RFC 3986: only {@code A-Z a-z 0-9 - _ . ~} stay as they are; UTF-8 bytes, upper-case hex. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
