package org.opengallery.conformance;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What of a seller's answer goes into a report line: one line, at most {@value #LIMIT} characters, with the
 * values of secret-bearing fields ({@code password}, {@code clientSecret}) masked, because a failing answer may
 * well carry a buyer's initial password and reports end up in CI logs.
 */
final class Excerpt {

    /** The most characters of a body a report line quotes. */
    static final int LIMIT = 200;

    private static final Pattern SECRET_FIELD =
            Pattern.compile("(\"(?:password|clientSecret|client_secret)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    private Excerpt() {
    }

    /** The body as a quotable excerpt; {@code (empty body)} when there is none. */
    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        return of(new String(body, StandardCharsets.UTF_8));
    }

    /** The text as a quotable excerpt: masked, on one line, truncated. */
    static String of(String text) {
        String masked = SECRET_FIELD.matcher(text).replaceAll("$1***$2");
        String line = oneLine(masked);
        return line.length() <= LIMIT ? line : line.substring(0, LIMIT) + "...";
    }

    /** Line breaks and runs of whitespace around them become one space. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
