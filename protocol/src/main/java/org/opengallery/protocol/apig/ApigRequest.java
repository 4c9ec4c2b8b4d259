package org.opengallery.protocol.apig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An HTTP request exactly as the AK/SK signature covers it: method, path, query, headers and body bytes.
 *
 * <p>The seller's signer and the marketplace's verifier must canonicalise the very same thing, so both take this
 * value instead of some HTTP library's request type; that keeps the protocol module free of I/O and lets a
 * server adapter build it from whatever its framework hands over. Header names are case-insensitive, as in HTTP;
 * each name has one value (join repeated headers with {@code ","} before building). The URI may be absolute
 * ({@code https://host/path?query}, the client's view) or just the request target ({@code /path?query}, the
 * server's view, with the host taken from the {@code Host} header).
 *
 * <p>Immutable and thread-safe; {@link #body()} returns a copy.
 */
public final class ApigRequest {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;

    private ApigRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(builder.headers);
        this.headers = Collections.unmodifiableMap(copy);
        this.body = builder.body.clone();
    }

    /** Starts a request; {@code method} is upper-cased, as Huawei's signer does. */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** Starts a request from a URI string that is already percent-encoded where it must be. */
    public static Builder builder(String method, String uri) {
        return new Builder(method, URI.create(Objects.requireNonNull(uri, "uri")));
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(method, uri);
        builder.headers.putAll(headers);
        builder.body = body;
        return builder;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /**
     * The host the request is addressed to: the {@code Host} header if there is one, else the URI's
     * {@code host[:port]} (port only when the URI spells it out), else the empty string.
     */
    public String host() {
        String header = headers.get("Host");
        if (header != null) {
            return header;
        }
        if (uri.getHost() == null) {
            return "";
        }
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The value of header {@code name}, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name")));
    }

    /** All headers, unmodifiable, with case-insensitive look-up and names spelled as they were given. */
    public Map<String, String> headers() {
        return headers;
    }

    /** A copy of the body; empty, never null, when the request has none. */
    public byte[] body() {
        return body.clone();
    }

    /** Prints method, URI, header names and body length: enough to debug, nothing a log should not hold. */
    @Override
    public String toString() {
        return "ApigRequest[" + method + " " + uri + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }

    /** Collects a request's parts and checks each is something HTTP can carry. Not thread-safe. */
    public static final class Builder {

        private final String method;
        private final URI uri;
        private final TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body = new byte[0];

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (!TOKEN.matcher(method).matches()) {
                throw new IllegalArgumentException("not an HTTP method: " + method);
            }
            if (uri.isOpaque()) {
                throw new IllegalArgumentException("not a hierarchical URI: " + uri);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.uri = uri;
        }

        /** Sets header {@code name}, replacing any value it had under any spelling of the name. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not an HTTP header name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("header " + name + " has a CR, LF or NUL in its value");
            }
            headers.remove(name);
            headers.put(name, value);
            return this;
        }

        /** Sets every header of {@code values}, as {@link #header(String, String)} does. */
        public Builder headers(Map<String, String> values) {
            values.forEach(this::header);
            return this;
        }

        /** Removes header {@code name} under any spelling. */
        public Builder removeHeader(String name) {
            headers.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** The body bytes, copied. */
        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "body").clone();
            return this;
        }

        /** The body as UTF-8 text, the encoding KooGallery's JSON uses. */
        public Builder body(String text) {
            this.body = Objects.requireNonNull(text, "body").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public ApigRequest build() {
            return new ApigRequest(this);
        }
    }
}
