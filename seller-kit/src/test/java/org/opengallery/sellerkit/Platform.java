package org.opengallery.sellerkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.time.ProtocolTime;

/** Plays KooGallery in the kit's tests: builds requests signed exactly as the platform signs them. */
final class Platform {

    final String key;
    final Clock clock;

    Platform(String key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    KitRequest v2(String json) {
        return v2(json, String.valueOf(clock.millis()), UUID.randomUUID().toString().replace("-", ""));
    }

    KitRequest v2(String json, String timestamp, String nonce) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String signature = SignatureScheme.URL.sign(key, timestamp, nonce, body);
        return new KitRequest("POST", "/saasproduce",
                "signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce,
                Map.of("Content-Type", "application/json;charset=utf8"), body);
    }

    KitRequest v1(Map<String, String> parameters) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.putIfAbsent("timeStamp", ProtocolTime.formatDateTimeMillis(clock.instant()));
        p.put("authToken", AuthToken.compute(key, p));
        return new KitRequest("GET", "/saasproduce", QueryString.format(p), Map.of(), null);
    }

    KitRequest kit(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String ts = String.valueOf(clock.millis());
        String nonce = UUID.randomUUID().toString();
        return new KitRequest("POST", path, null, Map.of("x-sign", SignatureScheme.KIT.sign(key, ts, nonce, body),
                "x-timestamp", ts, "x-nonce", nonce), body);
    }

    static JsonNode json(KitResponse response) {
        return ProtocolJson.read(response.body(), JsonNode.class);
    }

    static String code(KitResponse response) {
        return json(response).path("resultCode").asText();
    }

    /** Checks a V1 answer's Body-Sign the way the platform does; throws when it does not verify. */
    void verifyBodySign(KitResponse response) {
        BodySign.verify(key, response.body(), response.headers().get(BodySign.HEADER));
    }
}
