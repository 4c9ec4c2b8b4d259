package org.opengallery.sellerkit.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.apig.SignedRequest;

/**
 * Turns a request into an AK/SK-signed {@link HttpRequest}. The JDK client writes {@code Host} itself and refuses
 * to let callers set it, so the signature must cover exactly the value it will write: {@link #hostHeader(URI)}.
 */
final class ApigHttpRequest {

    private ApigHttpRequest() {
    }

    /**
     * Signs {@code method uri} with {@code headers} and {@code body} as of {@code now}, and builds the request
     * carrying those headers plus {@code X-Sdk-Date} and {@code Authorization}.
     */
    static HttpRequest of(ApigSigner signer, Instant now, String method, URI uri, Map<String, String> headers,
            byte[] body, Duration timeout) {
        ApigRequest unsigned = ApigRequest.builder(method, uri)
                .headers(headers)
                .header("Host", hostHeader(uri))
                .body(body)
                .build();
        SignedRequest signed = signer.sign(unsigned, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body.length == 0 && method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        signed.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    /** What {@code java.net.http} sends as {@code Host}: the host, with the port only when it is not the default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (https ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
