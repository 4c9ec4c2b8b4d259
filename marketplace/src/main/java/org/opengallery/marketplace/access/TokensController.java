package org.opengallery.marketplace.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/tokens {"login","password"}} → 201 {@code {"token","role"}}: an API token for a password. */
@RestController
class TokensController {

    private final Logins logins;

    TokensController(Logins logins) {
        this.logins = logins;
    }

    record Credentials(String login, String password) {}

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Logins.IssuedToken signIn(@RequestBody Credentials credentials) {
        return logins.signIn(credentials.login(), credentials.password());
    }
}
