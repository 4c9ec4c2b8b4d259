package org.opengallery.marketplace.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.springframework.http.HttpMethod;

class AccessTest extends DomainTest {

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        var r = http(HttpMethod.GET, "/api/v1/orders", null, null);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getBody().get("error").asText()).isEqualTo("unauthorized");
        assertThat(r.getBody().get("message").asText()).contains("Bearer");
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        var r = http(HttpMethod.GET, "/api/v1/instances", "not-a-token", null);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getBody().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void aSellerTokenIsForbiddenOnBuyerEndpoints() {
        String token = tokens.issue(Role.SELLER, seller());
        var r = http(HttpMethod.GET, "/api/v1/orders", token, null);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getBody().get("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void tokensAreStoredOnlyAsTheirSha256() {
        long buyer = buyer("0");
        String token = tokens.issue(Role.BUYER, buyer);
        assertThat(tokens.caller(token)).contains(new ApiCaller(Role.BUYER, buyer));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :h").param("h", ApiTokens.hash(token))
                .query(Long.class).single()).isOne();
        tokens.revoke(token);
        assertThat(tokens.caller(token)).isEmpty();
    }
}
