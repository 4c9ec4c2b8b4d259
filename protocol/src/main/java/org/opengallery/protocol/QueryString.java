package org.opengallery.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A URL query string decoded exactly once, by our own rules rather than a framework's, because a framework
 * that decodes twice or form-decodes a Base64 {@code +} into a space silently breaks the {@code authToken}
 * and the AES-encrypted fields.
 *
 * <p>Rules: the query is split on {@code &}, each part on its first {@code =} (a part without one is a name
 * with an empty value; empty parts are skipped); names and values are percent-decoded once as UTF-8;
 * {@code +} is read per {@link PlusSign}. Malformed escapes ({@code %G1}, a trailing {@code %4}) and bytes
 * that are not UTF-8 are rejected with {@link InvalidParameterException} naming the parameter. Parameters
 * keep their order; a repeated name keeps every occurrence (signing sorts them stably).
 *
 * <p>{@link #encode(String)} is the inverse used when we send: it percent-encodes everything but RFC 3986
 * unreserved characters, so a space becomes {@code %20} and a plus {@code %2B}, and both readings of
 * {@link PlusSign} decode our URLs to the same values.
 */
public final class QueryString {

    /** One decoded parameter. */
    public record Parameter(String name, String value) {
    }

    private final List<Parameter> parameters;

    private QueryString(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** Decodes a raw query (without the leading {@code ?}; {@code null} is an empty query). */
    public static QueryString parse(String rawQuery, PlusSign plusSign) {
        List<Parameter> out = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&", -1)) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String rawName = eq < 0 ? part : part.substring(0, eq);
                String rawValue = eq < 0 ? "" : part.substring(eq + 1);
                String name = decode(rawName, plusSign, rawName);
                out.add(new Parameter(name, decode(rawValue, plusSign, name)));
            }
        }
        return new QueryString(out);
    }

    /** The raw query of a URL (the part after {@code ?} and before {@code #}), or an empty string. */
    public static String rawQueryOf(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return "";
        }
        int hash = url.indexOf('#', q);
        return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> first(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /** Name to first value, in query order: the typed view most code wants. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            map.putIfAbsent(p.name(), p.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Percent-encodes a name or value for a query string or form the RFC 3986 way: only {@code A-Z a-z 0-9 - _ .
     * ~} stay as they are, so a space is {@code %20} (never {@code +}); UTF-8 bytes, upper-case hex. The API
     * gateway's canonical request spells values the same way, so a URL built with this is the URL signed.
     */
    public static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** Builds a raw query from parameters, in the given order, each name and value {@link #encode encoded}. */
    public static String format(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(name)).append('=').append(encode(value));
        });
        return sb.toString();
    }

    private static String decode(String raw, PlusSign plusSign, String parameterName) {
        if (raw.indexOf('%') < 0 && (raw.indexOf('+') < 0 || plusSign == PlusSign.LITERAL)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidParameterException(parameterName, "truncated percent escape at position " + i);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new InvalidParameterException(parameterName,
                            "malformed percent escape '" + raw.substring(i, i + 3) + "' at position " + i);
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            } else if (c == '+' && plusSign == PlusSign.SPACE) {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException(parameterName, "percent-decoded bytes are not UTF-8");
        }
    }
}
