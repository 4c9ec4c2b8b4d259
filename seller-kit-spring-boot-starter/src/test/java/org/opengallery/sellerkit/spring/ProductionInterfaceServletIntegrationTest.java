package org.opengallery.sellerkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.sellerkit.SaasSeller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opengallery.seller.access-key=starter-key", "opengallery.seller.encrypt-type=2"})
class ProductionInterfaceServletIntegrationTest {

    @SpringBootApplication
    static class NotesSaas {
        @Bean
        SaasSeller seller() {
            return order -> new AppInfo("https://notes.example/" + order.instanceId(), null, "admin", "pw", null);
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedV2CreateThroughTheServletIsAnswered() throws Exception {
        String body = "{\"activity\":\"newInstance\",\"businessId\":\"b-1\",\"orderId\":\"CS1\",\"orderLineId\":\"CS1-000001\"}";
        String ts = String.valueOf(System.currentTimeMillis());
        String sig = SignatureScheme.URL.sign("starter-key", ts, "n1", body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/saasproduce?signature=" + sig + "&timestamp=" + ts + "&nonce=n1"))
                .header("Content-Type", "application/json;charset=utf8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = ProtocolJson.read(response.body(), JsonNode.class);
        assertThat(answer.path("resultCode").asText()).isEqualTo("000000");
        assertThat(answer.path("instanceId").asText()).isEqualTo("b-1");
    }

    @Test
    void aV1GetKeepsItsRawQueryAndGetsAValidBodySign() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("activity", "newInstance");
        p.put("businessId", "b-v1");
        p.put("orderId", "CS-V1");
        p.put("customerId", "cust-1");
        p.put("customerName", "Li Lei");
        p.put("productId", "P-1");
        p.put("timeStamp", "20261125080000000");
        p.put("authToken", AuthToken.compute("starter-key", p));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/saasproduce?" + QueryString.format(p))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        BodySign.verify("starter-key", response.body(), response.headers().firstValue("Body-Sign").orElse(null));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"resultCode\":\"000000\"");
        assertThat(ProtocolJson.read(response.body(), JsonNode.class).path("encryptType").asText()).isEqualTo("2");
    }
}
