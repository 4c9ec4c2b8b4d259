package org.opengallery.protocol.message.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.ProtocolJson;

/** Joint-operation OAuth answers, protocol-v2.md §7.3. */
class OAuthMessageTest {

    @Test
    void tokenExampleParses() {
        String json = "{\"access_token\":\"******\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                + "\"scope\":\"get_user_info\",\"refresh_token\":\"******\"}";
        TokenResponse token = ProtocolJson.read(json, TokenResponse.class);
        assertThat(token).isEqualTo(new TokenResponse("******", "Bearer", 7200L, "get_user_info", "******"));
        assertThat(token.lifetime()).contains(Duration.ofHours(2));
        assertThat(ProtocolJson.read(ProtocolJson.write(token), TokenResponse.class)).isEqualTo(token);
    }

    @Test
    void tokenToStringHidesTheTokens() {
        assertThat(new TokenResponse("at-secret", "Bearer", 7200L, null, "rt-secret").toString())
                .doesNotContain("at-secret", "rt-secret");
    }

    @Test
    void invalidAuthorizationCodeErrorExampleParses() {
        TokenError error = ProtocolJson.read("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}",
                TokenError.class);
        assertThat(error.error()).isEqualTo(TokenError.INVALID_GRANT);
        assertThat(error.errorDescription()).isEqualTo("Invalid authorization code");
    }

    @Test
    void invalidRefreshTokenErrorExampleParses() {
        TokenError error = ProtocolJson.read("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}",
                TokenError.class);
        assertThat(error).isEqualTo(new TokenError("invalid_grant", "Invalid refresh token"));
    }

    @Test
    void userinfoUnauthorizedErrorExampleParses() {
        String json = "{\"error\":\"unauthorized\",\"error_description\":\"Full authentication is required to access this resource\"}";
        TokenError error = ProtocolJson.read(json, TokenError.class);
        assertThat(error.error()).isEqualTo(TokenError.UNAUTHORIZED);
        assertThat(ProtocolJson.write(error)).isEqualTo(json);
    }

    @Test
    void userinfoWithTheDocumentedFieldsParses() {
        String json = "{\"email\":\"z@example.com\",\"id\":\"1001\",\"mobile\":\"138****0000\",\"name\":\"Zhang San\","
                + "\"organizationCode\":\"o1\",\"organizationName\":\"HQ\",\"projectName\":\"huaiweitest\",\"role\":\"admin\","
                + "\"tenant\":\"68cbc86\",\"userId\":\"u-1\",\"userName\":\"zhang\"}";
        UserInfo user = ProtocolJson.read(json, UserInfo.class);
        assertThat(user.userName()).isEqualTo("zhang");
        assertThat(user.tenant()).isEqualTo("68cbc86");
        assertThat(user.projectName()).isEqualTo("huaiweitest");
        assertThat(user.organizationCode()).isEqualTo("o1");
        assertThat(ProtocolJson.write(user)).isEqualTo(json);
    }

    @Test
    void userinfoIdMayBeANumber() {
        assertThat(ProtocolJson.read("{\"id\":1001}", UserInfo.class).id()).isEqualTo("1001");
    }
}
