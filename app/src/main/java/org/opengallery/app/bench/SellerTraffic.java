package org.opengallery.app.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.opengallery.protocol.v2.SignatureScheme;

/**
 * The benchmark's request mix, signed exactly as KooGallery signs: each "order" is a create, a query, a
 * renewal and a release of one fresh instance, so the store sees inserts, reads and updates in the proportions
 * of a real order's life.
 */
final class SellerTraffic {

    private final String baseUrl;
    private final String key;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong nonces = new AtomicLong();

    SellerTraffic(String baseUrl, String key, String runId) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.runId = runId;
    }

    /** The four requests of one fresh order's life, in the order they must be sent. */
    HttpRequest[] order() {
        long order = sequence.getAndIncrement();
        String orderId = "CS" + runId + order;
        String instanceId = "bench-" + runId + "-" + order;
        return new HttpRequest[] {
            signed("{\"activity\":\"newInstance\",\"businessId\":\"" + instanceId + "\",\"orderId\":\"" + orderId
                    + "\",\"orderLineId\":\"" + orderId + "-000001\"}"),
            signed("{\"activity\":\"queryInstance\",\"instanceId\":\"" + instanceId + "\"}"),
            signed("{\"activity\":\"refreshInstance\",\"expireTime\":\"20301124023618\",\"instanceId\":\""
                    + instanceId + "\",\"orderId\":\"R" + orderId + "\",\"orderLineId\":\"R" + orderId
                    + "-000001\",\"scene\":\"RENEWAL\"}"),
            signed("{\"activity\":\"releaseInstance\",\"instanceId\":\"" + instanceId + "\"}")};
    }

    private HttpRequest signed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis());
        String nonce = runId + "-" + nonces.incrementAndGet();
        String signature = SignatureScheme.URL.sign(key, timestamp, nonce, bytes);
        return HttpRequest.newBuilder(URI.create(baseUrl + "?signature=" + signature + "&timestamp=" + timestamp
                        + "&nonce=" + nonce))
                .header("Content-Type", "application/json;charset=utf8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }
}
