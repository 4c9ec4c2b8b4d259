package org.opengallery.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.metering.MeteringService;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.UsageBatchResult;
import org.opengallery.sellerkit.client.UsagePushClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The marketplace as it is before the integrator wires the ports: it starts, and the open APIs say so. */
@MarketplaceTest
class OpenApisWithoutPortsTest {

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired MeteringService metering;

    @Test
    void theMarketplaceStartsWithoutAnyPortImplementation() {
        assertThat(metering.configured()).isFalse();
    }

    @Test
    void queryOrderAnswersSystemErrorUntilConfigured() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + QueryOrderController.PATH + "?orderId=MOCKONDEMAND")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(ProtocolJson.mapper().readTree(answer.body()).get("resultCode").asText()).isEqualTo("MKT.0999");
    }

    @Test
    void usagePushAnswersSystemErrorUntilConfigured() {
        UsagePushClient client = UsagePushClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port)).key("k")
                .clock(clock).maxAttempts(1).build();
        UsageRecord record = new UsageRecord("i", clock.instant().minusSeconds(60), clock.instant().minusSeconds(3600),
                clock.instant().minusSeconds(120), java.math.BigDecimal.ONE, "sn", null);

        UsageBatchResult.Answered batch = (UsageBatchResult.Answered) client.push(List.of(record)).batches().get(0);

        assertThat(batch.httpStatus()).isEqualTo(500);
        assertThat(batch.errorCode().code()).isEqualTo("MKT.0999");
    }
}
