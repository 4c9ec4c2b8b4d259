package org.opengallery.sellerdemo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.v2.SignatureScheme;

/** Sends V2 production-interface requests signed as KooGallery signs them. */
final class KooGalleryCalls {

    private final String productionUrl;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    KooGalleryCalls(String productionUrl, String key) {
        this.productionUrl = productionUrl;
        this.key = key;
    }

    JsonNode send(String body) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis());
        String nonce = UUID.randomUUID().toString();
        String signature = SignatureScheme.URL.sign(key, ts, nonce, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(productionUrl + "?signature="
                        + signature + "&timestamp=" + ts + "&nonce=" + nonce))
                .header("Content-Type", "application/json;charset=utf8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return ProtocolJson.read(response.body(), JsonNode.class);
    }
}
