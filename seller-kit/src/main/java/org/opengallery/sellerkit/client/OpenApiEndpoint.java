package org.opengallery.sellerkit.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where KooGallery's open APIs (Query Order, usage push) live: a base URL and, for the China site, the backup
 * host the spec says to retry on when the primary is unavailable.
 *
 * <p>A value rather than a hard-coded host so that tests, and OpenGallery's own marketplace, can point a seller at
 * any base URL ({@code http://127.0.0.1:port} included). Bases are scheme, host, optional port and optional path
 * prefix, stored without a trailing {@code /}; API paths are appended to them.
 *
 * @param primary the base URL tried first
 * @param backup the base URL tried once when the primary cannot be reached or answers 5xx; null when there is none
 */
public record OpenApiEndpoint(URI primary, URI backup) {

    /** Chinese mainland site, {@code https://mkt.myhuaweicloud.com}, backup {@code https://mkt.myhuaweicloud.cn}. */
    public static final OpenApiEndpoint CHINA =
            of("https://mkt.myhuaweicloud.com", "https://mkt.myhuaweicloud.cn");

    /** International site, {@code https://mkt-intl.myhuaweicloud.com}; no backup host is documented. */
    public static final OpenApiEndpoint INTERNATIONAL = of("https://mkt-intl.myhuaweicloud.com");

    /** European site, {@code https://mkt.myhuaweicloud.eu}; no backup host is documented. */
    public static final OpenApiEndpoint EU = of("https://mkt.myhuaweicloud.eu");

    /**
     * @throws IllegalArgumentException if a base is not an absolute {@code http}/{@code https} URL with a host and
     *     without user info, query or fragment
     */
    public OpenApiEndpoint {
        primary = baseUrl(Objects.requireNonNull(primary, "primary"), "primary");
        backup = backup == null ? null : baseUrl(backup, "backup");
    }

    /** An endpoint with no backup host, e.g. {@code http://127.0.0.1:8080} or a private marketplace. */
    public static OpenApiEndpoint of(String baseUrl) {
        return new OpenApiEndpoint(parse(baseUrl, "primary"), null);
    }

    /** An endpoint with a backup host. */
    public static OpenApiEndpoint of(String baseUrl, String backupUrl) {
        return new OpenApiEndpoint(parse(baseUrl, "primary"), parse(backupUrl, "backup"));
    }

    /** The backup base, if this endpoint has one. */
    public Optional<URI> backupBase() {
        return Optional.ofNullable(backup);
    }

    /** The bases in the order they are tried: the primary, then the backup if any. */
    public List<URI> bases() {
        List<URI> bases = new ArrayList<>(2);
        bases.add(primary);
        if (backup != null) {
            bases.add(backup);
        }
        return List.copyOf(bases);
    }

    /** {@code base} + {@code path} (which starts with {@code /}) + {@code ?rawQuery} when given. */
    static URI resolve(URI base, String path, String rawQuery) {
        String text = base + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        return URI.create(text);
    }

    static URI parse(String url, String name) {
        Objects.requireNonNull(url, name);
        try {
            return new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " base URL is not a URL: " + e.getMessage(), e);
        }
    }

    /**
     * {@code uri} as a base URL: scheme lower-cased, trailing {@code /} dropped.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL with a host and without user info,
     *     query or fragment
     */
    static URI baseUrl(URI uri, String name) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(name + " base URL must be http or https: " + uri);
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(name + " base URL has no host: " + uri);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    name + " base URL must not carry user info, a query or a fragment: " + uri);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = uri.getRawAuthority();
        return URI.create(scheme + "://" + authority + path);
    }

    @Override
    public String toString() {
        return backup == null ? primary.toString() : primary + " (backup " + backup + ")";
    }
}
