package org.opengallery.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** AK/SK wired, orders not yet: sellers can already debug with the mock orders. */
@MarketplaceTest
@Import(InMemoryPorts.CredentialsOnly.class)
class QueryOrderWithoutOrderRecordsTest {

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired InMemoryPorts.Credentials credentials;

    @Test
    void mockOrdersAnswerBeforeOrderRecordsAreWiredAndRealOrdersAnswerSystemError() {
        credentials.add("AKONLY", "seller-only", "SKONLY");
        QueryOrderClient client = QueryOrderClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port))
                .credentials("AKONLY", "SKONLY").clock(clock).build();

        assertThat(client.order("MOCKPERIODYEARNEW", null).orderId()).isEqualTo("MOCKPERIODYEARNEW");
        assertThatThrownBy(() -> client.order("CS2207261447AUY4H", null))
                .isInstanceOf(OrderQueryException.class)
                .satisfies(e -> assertThat(((OrderQueryException) e).resultCode()).isEqualTo("MKT.0999"));
    }
}
