package org.opengallery.sellerkit.client;

import org.opengallery.protocol.QueryString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.oauth.TokenError;
import org.opengallery.protocol.message.oauth.TokenResponse;
import org.opengallery.protocol.message.oauth.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joint-operation SaaS login (联营, OAuth 2.0 authorization code) against a tenant's auth centre: the login page
 * URL, code exchange, refresh, user info and logout URL.
 *
 * <p>One client per tenant and app: the tenant's {@code domainName} (from tenantSync, with {@code https://}) and the
 * app's {@code clientId} and plaintext {@code clientSecret} (applicationSync, decrypted). Errors — {@code 400}
 * {@code invalid_grant}, {@code 401} {@code unauthorized}, anything unreadable or unreachable — are
 * {@link OAuthException}s. Immutable and thread-safe. Logs, at debug, the path, HTTP status and OAuth
 * {@code error} only; never a code, token or the secret, and {@link #toString()} hides the secret.
 */
public final class OAuthClient {

    /** The unified login page ({@code ind=UNOP&appId=…} is appended); the only one the spec shows. */
    public static final URI DEFAULT_LOGIN_PAGE =
            URI.create("https://macroverse.huaweicloud.com/unified-login/#/portal-login");

    public static final String TOKEN_PATH = "/api/v1/oauth2/token";
    public static final String USERINFO_PATH = "/api/v1/oauth2/userinfo";
    public static final String LOGOUT_PATH = "/api/v1/logout";

    private static final Logger LOG = LoggerFactory.getLogger(OAuthClient.class);
    private static final ObjectMapper JSON = ProtocolJson.mapper();

    private final URI domain;
    private final String clientId;
    private final String clientSecret;
    private final URI loginPage;
    private final ConnectionSettings connection;
    private final HttpClient http;

    private OAuthClient(Builder builder, URI domain) {
        this.domain = domain;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.loginPage = builder.loginPage;
        this.connection = builder.connectionSettings();
        this.http = connection.newHttpClient();
    }

    /**
     * Starts a client for the tenant whose tenantSync carried {@code domainName}, e.g.
     * {@code https://example.tenantaccount.com}. A value without a scheme is read as {@code https://}.
     */
    public static Builder builder(String domainName) {
        return new Builder(domainName);
    }

    /** The tenant's auth centre base URL. */
    public URI domain() {
        return domain;
    }

    /**
     * Where to send the user's browser to log in: the unified login page with {@code ind=UNOP} and {@code appId}
     * (from the app credential). It redirects to the registered callback with {@code code} and {@code tenant}.
     */
    public URI authorizeUrl(String appId) {
        requireText(appId, "appId");
        String page = loginPage.toString();
        String afterFragment = page.substring(page.indexOf('#') + 1);
        String separator = afterFragment.contains("?") ? "&" : "?";
        return URI.create(page + separator + "ind=UNOP&appId=" + QueryString.encode(appId));
    }

    /**
     * Trades the single-use authorization {@code code} from the callback for tokens.
     *
     * @param redirectUri the callback URL, or null to leave it out (it is optional)
     * @throws OAuthException e.g. {@code invalid_grant} for a bad or used code
     */
    public TokenResponse exchangeCode(String code, String redirectUri) {
        requireText(code, "code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (redirectUri != null && !redirectUri.isBlank()) {
            form.put("redirect_uri", redirectUri);
        }
        return token(form);
    }

    /**
     * New tokens for a refresh token (valid 30 days by default); call while the user is active.
     *
     * @throws OAuthException e.g. {@code invalid_grant} for a bad or expired refresh token
     */
    public TokenResponse refresh(String refreshToken) {
        requireText(refreshToken, "refreshToken");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return token(form);
    }

    /**
     * The logged-in user, for a valid access token.
     *
     * @throws OAuthException e.g. HTTP 401 {@code unauthorized} for a missing, bad or expired token
     */
    public UserInfo userInfo(String accessToken) {
        requireText(accessToken, "accessToken");
        HttpRequest request = HttpRequest.newBuilder(URI.create(domain + USERINFO_PATH))
                .timeout(connection.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = send(request, USERINFO_PATH);
        try {
            return ProtocolJson.read(response.body(), UserInfo.class);
        } catch (InvalidMessageException e) {
            throw new OAuthException("userinfo answered HTTP 200 with a body that is not user info: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Where to send the browser to log out of the auth centre; it then goes to {@code redirectUrl}, or to the
     * login page when that is null. The seller must clear its own session too.
     */
    public URI logoutUrl(String redirectUrl) {
        String base = domain + LOGOUT_PATH;
        if (redirectUrl == null || redirectUrl.isBlank()) {
            return URI.create(base);
        }
        return URI.create(base + "?redirect_url=" + QueryString.encode(redirectUrl));
    }

    private TokenResponse token(Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.putAll(grant);
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(name + "=" + QueryString.encode(value)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(domain + TOKEN_PATH))
                .timeout(connection.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = send(request, TOKEN_PATH);
        TokenResponse token;
        try {
            token = ProtocolJson.read(response.body(), TokenResponse.class);
        } catch (InvalidMessageException e) {
            throw new OAuthException("token endpoint answered HTTP 200 with a body that is not a token answer: "
                    + e.getMessage(), e);
        }
        if (token.accessToken() == null || token.accessToken().isEmpty()) {
            throw new OAuthException("token endpoint answered HTTP 200 without an access_token", 200, null, null);
        }
        return token;
    }

    /** Sends the request; answers other than 2xx become {@link OAuthException}s carrying the OAuth error. */
    private HttpResponse<byte[]> send(HttpRequest request, String path) {
        String what = path.substring(path.lastIndexOf('/') + 1) + " endpoint";
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.debug("OAuth {} {}: no answer", request.method(), path);
            throw new OAuthException(what + " of " + domain.getHost() + " unreachable ("
                    + HostFailover.reason(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException(what + " call interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status <= 299) {
            LOG.debug("OAuth {} {} -> HTTP {}", request.method(), path, status);
            return response;
        }
        TokenError error = readError(response.body());
        String code = error == null ? null : error.error();
        String description = error == null ? null : error.errorDescription();
        LOG.debug("OAuth {} {} -> HTTP {} {}", request.method(), path, status, code);
        throw new OAuthException(what + " answered HTTP " + status
                + (code == null ? "" : " " + code + (description == null ? "" : ": " + description)),
                status, code, description);
    }

    /** The OAuth error of an answer, or null when the body has no {@code error}. */
    private static TokenError readError(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject() || !tree.hasNonNull("error")) {
                return null;
            }
            return ProtocolJson.read(tree, TokenError.class);
        } catch (IOException | InvalidMessageException e) {
            return null;
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Domain and client id; never the secret. */
    @Override
    public String toString() {
        return "OAuthClient[domain=" + domain + ", clientId=" + clientId + ", clientSecret=<redacted>, " + connection
                + "]";
    }

    /** Configures an {@link OAuthClient}; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder extends ConnectionOptions<Builder> {

        private final String domainName;
        private String clientId;
        private String clientSecret;
        private URI loginPage = DEFAULT_LOGIN_PAGE;

        private Builder(String domainName) {
            this.domainName = domainName;
        }

        /** The app's {@code clientId} and plaintext {@code clientSecret} from applicationSync. Required. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** The unified login page, if not {@link #DEFAULT_LOGIN_PAGE} (e.g. OpenGallery's own). */
        public Builder loginPage(URI loginPage) {
            this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
            return this;
        }




        /**
         * @throws IllegalStateException if the client credentials are missing
         * @throws IllegalArgumentException if the domain is not a URL, or a timeout is not positive
         */
        public OAuthClient build() {
            if (domainName == null || domainName.isBlank()) {
                throw new IllegalArgumentException("domainName is required (tenantSync's domainName)");
            }
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalStateException("OAuth needs the app's clientId and decrypted clientSecret: "
                        + "call clientCredentials(clientId, clientSecret)");
            }
            String text = domainName.strip();
            if (!text.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*")) {
                text = "https://" + text;
            }
            URI domain = OpenApiEndpoint.baseUrl(OpenApiEndpoint.parse(text, "domainName"), "domainName");
            String page = loginPage.getScheme() == null ? "" : loginPage.getScheme().toLowerCase(Locale.ROOT);
            if (!page.equals("https") && !page.equals("http")) {
                throw new IllegalArgumentException("loginPage must be an http(s) URL: " + loginPage);
            }
            return new OAuthClient(this, domain);
        }
    }
}
