package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.ApiTokens;
import org.opengallery.marketplace.access.Role;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 生产接口消息 over JSON, for the seller whose API token signs the request. */
class ProductionInterfaceMessagesTest extends DeliveryTestBase {

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SellerServer server;
    private SellerKit kit;

    @AfterEach
    void stop() {
        server.close();
        if (kit != null) {
            kit.close();
        }
    }

    private HttpResponse<String> send(String method, String path, Long sellerId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/seller/production-interface-messages" + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (sellerId != null) {
            b.header("Authorization", "Bearer " + tokens.issue(Role.SELLER, sellerId));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSellerListsItsFailedCallsAndRestartsOne() throws Exception {
        server = SellerServer.start(r -> SellerServer.json(500, "{\"error\":\"down\"}"));
        long sellerId = newSellerId();
        OrderFacts order = order("NEW");
        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(v2(sellerId, server.url(), null), order));
        awaitRetried(id, 2);

        // Retries run every 150 ms here; a call being retried at this moment stays listed (RUNNING).
        HttpResponse<String> list = send("GET", "", sellerId);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(list.body()).get(0);
        assertThat(first.get("callId").asLong()).isEqualTo(id.value());
        assertThat(first.get("activity").asText()).isEqualTo("newInstance");
        assertThat(first.get("status").asText()).isIn("FAILED", "RUNNING");
        assertThat(first.get("lastError").asText()).contains("HTTP 500");
        assertThat(first.get("request").asText()).contains(order.orderLineId());
        assertThat(first.get("lastResponse").asText()).contains("down");
        assertThat(list.body()).doesNotContain(V2_KEY);

        assertThat(send("GET", "", newSellerId()).body()).isEqualTo("[]");              // another seller's view
        assertThat(send("GET", "/" + id, newSellerId()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/" + id + "/restart", newSellerId()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "", null).statusCode()).isEqualTo(401);
        HttpResponse<String> asBuyer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/seller/production-interface-messages")).header("Authorization", "Bearer "
                + tokens.issue(Role.BUYER, sellerId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asBuyer.statusCode()).isEqualTo(403);

        clock.advance(Duration.ofHours(4));
        awaitStatus(id, CallStatus.GAVE_UP);
        jdbc.update("UPDATE delivery_call SET status = 'RUNNING' WHERE id = ?", id.value()); // as while a retry is sent
        assertThat(json.readTree(send("GET", "", sellerId).body()).get(0).get("status").asText()).isEqualTo("RUNNING");
        jdbc.update("UPDATE delivery_call SET status = 'GAVE_UP' WHERE id = ?", id.value());
        RecordingSeller seller = new RecordingSeller();
        kit = v2Kit(seller, Duration.ofSeconds(3));
        server.respondWith(kit::handle);
        assertThat(json.readTree(send("GET", "/" + id, sellerId).body()).get("status").asText()).isEqualTo("GAVE_UP");
        HttpResponse<String> restarted = send("POST", "/" + id + "/restart", sellerId);
        assertThat(restarted.statusCode()).isEqualTo(200);
        awaitStatus(id, CallStatus.SUCCEEDED);
        assertThat(send("POST", "/" + id + "/restart", sellerId).statusCode()).isEqualTo(409);  // nothing to restart
        assertThat(json.readTree(send("GET", "", sellerId).body())).isEmpty();
    }
}
