package org.opengallery.marketplace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

class LoginsTest extends DomainTest {

    @Autowired Logins logins;

    @Test
    void signingInWithTheRightPasswordGivesATokenTheApiAccepts() {
        long buyer = buyer("0");
        String login = unique("alice");
        logins.create(login, Role.BUYER, buyer, "correct horse");

        var answer = http(HttpMethod.POST, "/api/v1/tokens", null, Map.of("login", login, "password", "correct horse"));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody().get("role").asText()).isEqualTo("BUYER");
        String token = answer.getBody().get("token").asText();
        assertThat(http(HttpMethod.GET, "/api/v1/orders", token, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void formSignInReadsTheStoredLoginAndItsBcryptHash() {
        long buyer = buyer("0");
        String login = unique("carol");
        logins.create(login, Role.BUYER, buyer, "correct horse");

        Logins.StoredLogin stored = logins.find(login).orElseThrow();

        assertThat(stored.role()).isEqualTo(Role.BUYER);
        assertThat(stored.subjectId()).isEqualTo(buyer);
        assertThat(stored.passwordHash()).startsWith("{bcrypt}");
        assertThat(org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("correct horse", stored.passwordHash())).isTrue();
        assertThat(logins.find(unique("nobody"))).isEmpty();
        assertThat(logins.find(null)).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginAnswerTheSame401() {
        String login = unique("bob");
        logins.create(login, Role.BUYER, buyer("0"), "correct horse");

        var wrong = http(HttpMethod.POST, "/api/v1/tokens", null, Map.of("login", login, "password", "battery staple"));
        var unknown = http(HttpMethod.POST, "/api/v1/tokens", null, Map.of("login", unique("nobody"), "password", "x"));

        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).isEqualTo(unknown.getBody());
        assertThat(wrong.getBody().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void onlyASaltedHashOfThePasswordIsStored() {
        String login = unique("carol");
        logins.create(login, Role.SELLER, seller(), "correct horse");

        String stored = jdbc.sql("SELECT password_hash FROM login WHERE login = ?").param(login).query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThatThrownBy(() -> logins.create(unique("dave"), Role.BUYER, buyer("0"), "short"))
                .isInstanceOf(ApiException.class).hasMessageContaining("8 to 72 characters");
    }

    @Test
    void aLoginIsUniqueAcrossRoles() {
        String login = unique("erin");
        logins.create(login, Role.BUYER, buyer("0"), "correct horse");
        assertThatThrownBy(() -> logins.create(login, Role.SELLER, seller(), "correct horse"))
                .isInstanceOf(ApiException.class).hasMessageContaining("is taken");
    }
}
