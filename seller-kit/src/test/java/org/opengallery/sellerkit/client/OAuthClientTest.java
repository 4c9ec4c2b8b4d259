package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.oauth.TokenResponse;
import org.opengallery.protocol.message.oauth.UserInfo;
import org.opengallery.sellerkit.client.FakeKooGallery.Received;
import org.opengallery.sellerkit.client.FakeKooGallery.Reply;

class OAuthClientTest {

    private static final String CLIENT_ID = "client-id-1";
    private static final String CLIENT_SECRET = "plain secret+/=";
    private static final String TOKENS = "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
            + "\"scope\":\"get_user_info\",\"refresh_token\":\"%s\"}";
    private static final String USER = "{\"id\":\"u-1\",\"userName\":\"zhang.san\",\"name\":\"Zhang San\","
            + "\"email\":\"zs@example.com\",\"mobile\":\"13800000000\",\"role\":\"admin\","
            + "\"organizationName\":\"R&D\",\"userId\":\"user-1\",\"organizationCode\":\"rd\","
            + "\"projectName\":\"Example Ltd\",\"tenant\":\"tenant-1\"}";

    private final FakeKooGallery authCentre = FakeKooGallery.http(this::answer);
    private final OAuthClient client = OAuthClient.builder(authCentre.baseUrl())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

    @AfterEach
    void stop() {
        authCentre.close();
    }

    /** The tenant's auth centre as §7.3 describes it. */
    private Reply answer(Received request) {
        if (request.path().equals(OAuthClient.TOKEN_PATH)) {
            if (!request.method().equals("POST")
                    || !"application/x-www-form-urlencoded".equals(request.header("Content-Type"))) {
                return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"form POST only\"}");
            }
            QueryString form = QueryString.parse(request.bodyText(), PlusSign.SPACE);
            if (!form.first("client_id").orElse("").equals(CLIENT_ID)
                    || !form.first("client_secret").orElse("").equals(CLIENT_SECRET)) {
                return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client\"}");
            }
            String grant = form.first("grant_type").orElse("");
            if (grant.equals("authorization_code") && form.first("code").orElse("").equals("good-code")) {
                return Reply.json(200, TOKENS.formatted("access-1", "refresh-1"));
            }
            if (grant.equals("authorization_code")) {
                return Reply.json(400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}");
            }
            if (grant.equals("refresh_token") && form.first("refresh_token").orElse("").equals("refresh-1")) {
                return Reply.json(200, TOKENS.formatted("access-2", "refresh-2"));
            }
            return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}");
        }
        if (request.path().equals(OAuthClient.USERINFO_PATH) && request.method().equals("GET")) {
            if ("Bearer access-1".equals(request.header("Authorization"))) {
                return Reply.json(200, USER);
            }
            return Reply.json(401, "{\"error\":\"unauthorized\",\"error_description\":"
                    + "\"Full authentication is required to access this resource\"}");
        }
        return Reply.json(404, "{}");
    }

    @Test
    void authorizeUrlIsTheUnifiedLoginPageWithIndUnopAndTheAppId() {
        assertThat(client.authorizeUrl("app 1")).isEqualTo(URI.create(
                "https://macroverse.huaweicloud.com/unified-login/#/portal-login?ind=UNOP&appId=app%201"));
    }

    @Test
    void aCodeIsExchangedForTokensWithTheClientCredentialsInAForm() {
        TokenResponse tokens = client.exchangeCode("good-code", "https://seller.example/callback?x=1");

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.lifetime()).contains(Duration.ofHours(2));
        QueryString form = QueryString.parse(authCentre.received().get(0).bodyText(), PlusSign.SPACE);
        assertThat(form.first("grant_type")).contains("authorization_code");
        assertThat(form.first("redirect_uri")).contains("https://seller.example/callback?x=1");
        assertThat(form.first("client_secret")).contains(CLIENT_SECRET);
    }

    @Test
    void redirectUriIsLeftOutWhenNotGiven() {
        client.exchangeCode("good-code", null);

        assertThat(authCentre.received().get(0).bodyText()).doesNotContain("redirect_uri");
    }

    @Test
    void aRefreshTokenBuysNewTokens() {
        TokenResponse tokens = client.refresh("refresh-1");

        assertThat(tokens.accessToken()).isEqualTo("access-2");
        assertThat(QueryString.parse(authCentre.received().get(0).bodyText(), PlusSign.SPACE).first("grant_type"))
                .contains("refresh_token");
    }

    @Test
    void userInfoIsReadWithTheBearerToken() {
        UserInfo user = client.userInfo("access-1");

        assertThat(user.userName()).isEqualTo("zhang.san");
        assertThat(user.role()).isEqualTo("admin");
        assertThat(user.tenant()).isEqualTo("tenant-1");
        assertThat(user.projectName()).isEqualTo("Example Ltd");
        assertThat(authCentre.received().get(0).header("Accept")).isEqualTo("application/json");
    }

    @Test
    void aBadCodeIsAnOAuthExceptionCarryingInvalidGrantAndItsDescription() {
        assertThatThrownBy(() -> client.exchangeCode("used-code", null))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.errorDescription()).isEqualTo("Invalid authorization code");
                    assertThat(e.isInvalidGrant()).isTrue();
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.getMessage()).doesNotContain("used-code").doesNotContain(CLIENT_SECRET);
                });
    }

    @Test
    void aBadRefreshTokenIsInvalidGrant() {
        assertThatThrownBy(() -> client.refresh("expired"))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorDescription()).isEqualTo("Invalid refresh token"));
    }

    @Test
    void aRejectedAccessTokenIsAn401OAuthException() {
        assertThatThrownBy(() -> client.userInfo("stale-token"))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.error()).isEqualTo("unauthorized");
                    assertThat(e.errorDescription()).startsWith("Full authentication");
                    assertThat(e.getMessage()).doesNotContain("stale-token");
                });
    }

    @Test
    void wrongClientCredentialsAre401() {
        OAuthClient wrong = OAuthClient.builder(authCentre.baseUrl()).clientCredentials(CLIENT_ID, "nope").build();

        assertThatThrownBy(() -> wrong.exchangeCode("good-code", null))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.error()).isEqualTo("invalid_client");
                });
    }

    @Test
    void anUnreachableAuthCentreIsAnOAuthExceptionWithoutStatus() {
        OAuthClient down = OAuthClient.builder(FakeKooGallery.unreachableBaseUrl())
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

        assertThatThrownBy(() -> down.refresh("refresh-1"))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.error()).isNull();
                    assertThat(e.getMessage()).contains("unreachable");
                });
    }

    @Test
    void logoutUrlCarriesTheEncodedRedirect() {
        OAuthClient tenant = OAuthClient.builder("https://example.tenantaccount.com/")
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

        assertThat(tenant.logoutUrl("https://seller.example/bye?a=1")).isEqualTo(URI.create(
                "https://example.tenantaccount.com/api/v1/logout?redirect_url=https%3A%2F%2Fseller.example%2Fbye%3Fa%3D1"));
        assertThat(tenant.logoutUrl(null)).isEqualTo(URI.create("https://example.tenantaccount.com/api/v1/logout"));
    }

    @Test
    void aDomainNameWithoutSchemeIsReadAsHttps() {
        OAuthClient tenant = OAuthClient.builder("example.tenantaccount.com")
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

        assertThat(tenant.domain()).isEqualTo(URI.create("https://example.tenantaccount.com"));
    }

    @Test
    void buildRequiresTheDomainAndTheClientCredentials() {
        assertThatThrownBy(() -> OAuthClient.builder("https://t.example").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> OAuthClient.builder(" ").clientCredentials(CLIENT_ID, CLIENT_SECRET).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OAuthClient.builder("https://t.example?x=1")
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTheClientSecret() {
        assertThat(client.toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
    }
}
