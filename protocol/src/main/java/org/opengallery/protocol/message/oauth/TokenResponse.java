package org.opengallery.protocol.message.oauth;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 200 answer of {@code POST {domainName}/api/v1/oauth2/token} (authorization_code or refresh_token grant):
 * {@code access_token} (2 h by default), {@code token_type} ({@code Bearer}), {@code expires_in} (seconds),
 * {@code scope}, {@code refresh_token} (30 days). {@link #toString()} hides both tokens.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenResponse(
        String accessToken,
        String tokenType,
        Long expiresIn,
        String scope,
        String refreshToken,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public TokenResponse {
        extra = Fields.unknown(extra);
    }

    public TokenResponse(String accessToken, String tokenType, Long expiresIn, String scope, String refreshToken) {
        this(accessToken, tokenType, expiresIn, scope, refreshToken, Map.of());
    }

    /** {@code expires_in} as a duration, if given. */
    public Optional<Duration> lifetime() {
        return Optional.ofNullable(expiresIn).map(Duration::ofSeconds);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + (accessToken == null ? null : "***") + ", tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + ", scope=" + scope + ", refreshToken="
                + (refreshToken == null ? null : "***") + ", extra=" + extra + "]";
    }
}
