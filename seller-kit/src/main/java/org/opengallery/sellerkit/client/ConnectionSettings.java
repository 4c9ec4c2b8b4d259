package org.opengallery.sellerkit.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the clients connect: timeouts and the TLS context. Without an {@link SSLContext} the JDK's default trust
 * applies (the {@code cacerts} chain and hostname checks) — the spec demands strict certificate validation, so
 * there is no way to switch validation off, only to trust a different set of authorities.
 */
record ConnectionSettings(Duration connectTimeout, Duration requestTimeout, SSLContext sslContext) {

    /** Connecting should be quick; a slow connect means the host is down and the backup is worth trying. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Whole request, connect excluded. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    ConnectionSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
    }

    static ConnectionSettings defaults() {
        return new ConnectionSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null);
    }

    /**
     * A client speaking HTTP/1.1 (what every gateway in front of KooGallery and the JDK's test server speak),
     * never following redirects (a redirect would leave the signed host), validating certificates.
     */
    HttpClient newHttpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    @Override
    public String toString() {
        return "connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", sslContext="
                + (sslContext == null ? "JDK default trust" : "custom");
    }
}
