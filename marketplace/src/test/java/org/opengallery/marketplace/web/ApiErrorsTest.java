package org.opengallery.marketplace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.springframework.http.HttpMethod;

class ApiErrorsTest extends DomainTest {

    @Test
    void malformedJsonIsA400WithTheErrorShape() {
        var answer = http(HttpMethod.POST, "/api/v1/orders", buyerToken(buyer("0")), "{not json");
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("malformed_json");
        assertThat(answer.getBody().get("message").asText()).isNotBlank();
    }

    @Test
    void aWrongMethodIs405WithTheErrorShape() {
        var answer = http(HttpMethod.DELETE, "/api/v1/products", null, null);
        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void anUnknownPathIs404WithTheErrorShape() {
        var answer = http(HttpMethod.GET, "/api/v1/no-such-thing", null, null);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("not_found");
    }
}
