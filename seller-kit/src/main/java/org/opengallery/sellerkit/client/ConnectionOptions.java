package org.opengallery.sellerkit.client;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The connection settings every client's builder takes: timeouts and which certificate authorities to trust.
 * Certificates are always validated (the spec demands it); only the set of trusted authorities can change.
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract class ConnectionOptions<B extends ConnectionOptions<B>> {

    private Duration connectTimeout = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = ConnectionSettings.DEFAULT_REQUEST_TIMEOUT;
    private SSLContext sslContext;

    protected ConnectionOptions() {
    }

    /** How long to wait for a connection (before trying the backup host, where there is one). Default 3 s. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return self();
    }

    /** How long to wait for the answer once connected. Default 5 s. */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return self();
    }

    /** Trust these authorities instead of the JDK's defaults, e.g. a private CA; hostnames are still checked. */
    public B sslContext(SSLContext sslContext) {
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        return self();
    }

    /** The settings as given; rejects a timeout that is not positive. */
    ConnectionSettings connectionSettings() {
        return new ConnectionSettings(connectTimeout, requestTimeout, sslContext);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
