package org.opengallery.sellerkit.client;

import org.opengallery.protocol.QueryString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.OrderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KooGallery's Query Order open API ({@code GET .../order/query?orderId=…[&orderLineId=…]}, AK/SK signed), the
 * kit's {@link OrderSource} in production: V2 create and upgrade requests carry only ids, this reads the order.
 *
 * <p>Success is {@code resultCode} {@code MKT.0000} or {@code 000000}: the spec does not publish Query Order's
 * success code (its code list page was not found), KooGallery's newer open APIs answer {@code MKT.0000} and its
 * seller-facing protocol uses {@code 000000}, so both are read as success ({@link #SUCCESS_CODES}). Any other
 * code, an HTTP error (its body's {@code resultCode} or API-gateway {@code error_code} carried when there is
 * one), an unreadable body or no answer at all is an {@link OrderQueryException}.
 *
 * <p>When the primary host cannot be reached (refused, timed out, TLS failure) or answers 5xx, the backup host is
 * tried once, if the endpoint has one. Certificates are validated with the JDK's default trust unless a caller
 * passes its own {@link SSLContext}; validation cannot be switched off. Immutable and thread-safe. Logs, at debug,
 * the path and the answer's status and result code only; never the keys or the order id.
 */
public final class QueryOrderClient implements OrderSource {

    /** The API's path under the endpoint's base URL. */
    public static final String PATH = "/api/mkp-openapi-public/global/v1/order/query";

    /** Result codes read as success; see the class comment for why there are two. */
    public static final Set<String> SUCCESS_CODES = Set.of("MKT.0000", "000000");

    private static final Logger LOG = LoggerFactory.getLogger(QueryOrderClient.class);
    private static final ObjectMapper JSON = ProtocolJson.mapper();
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private final OpenApiEndpoint endpoint;
    private final ApigSigner signer;
    private final Clock clock;
    private final ConnectionSettings connection;
    private final HostFailover failover;

    private QueryOrderClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.signer = ApigSigner.of(builder.accessKey, builder.secretKey);
        this.clock = builder.clock;
        this.connection = builder.connectionSettings();
        this.failover = new HostFailover(connection.newHttpClient(), endpoint);
    }

    /** Starts a client for {@code endpoint}, e.g. {@link OpenApiEndpoint#CHINA}. */
    public static Builder builder(OpenApiEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Reads the order.
     *
     * @param orderLineId null or blank to read every line
     * @throws IllegalArgumentException if {@code orderId} is null or blank
     * @throws OrderQueryException when the platform answers anything but success with an order, or cannot be
     *     reached; {@link OrderQueryException#resultCode()} holds the platform's code when it gave one
     */
    @Override
    public OrderInfo order(String orderId, String orderLineId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId is required");
        }
        String query = "orderId=" + QueryString.encode(orderId)
                + (orderLineId == null || orderLineId.isBlank()
                        ? "" : "&orderLineId=" + QueryString.encode(orderLineId));
        HostFailover.Exchange exchange;
        try {
            exchange = failover.send(base -> request(base, query), answer -> answer.status() >= 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderQueryException("Query Order interrupted", e);
        }
        HostFailover.Attempt decisive = exchange.decisive();
        if (decisive instanceof HostFailover.Unreachable unreachable) {
            LOG.debug("Query Order GET {}: no answer", PATH);
            throw new OrderQueryException("Query Order could not reach KooGallery: " + exchange.trail(),
                    unreachable.cause());
        }
        return read((HostFailover.Answered) decisive, exchange);
    }

    private HttpRequest request(URI base, String query) {
        URI uri = OpenApiEndpoint.resolve(base, PATH, query);
        return ApigHttpRequest.of(signer, clock.instant(), "GET", uri, HEADERS, new byte[0],
                connection.requestTimeout());
    }

    private static OrderInfo read(HostFailover.Answered answer, HostFailover.Exchange exchange) {
        int status = answer.status();
        if (status < 200 || status > 299) {
            CodeAndMessage error = CodeAndMessage.from(answer.body());
            LOG.debug("Query Order GET {} -> HTTP {} {}", PATH, status, error.code());
            throw new OrderQueryException("Query Order failed with HTTP " + status
                    + (error.code() == null ? "" : ", " + error.code() + ": " + error.message())
                    + (exchange.attempts().size() > 1 ? " (" + exchange.trail() + ")" : ""), error.code());
        }
        QueryOrderResponse response;
        try {
            response = ProtocolJson.read(answer.body(), QueryOrderResponse.class);
        } catch (InvalidMessageException e) {
            LOG.debug("Query Order GET {} -> HTTP {}, unreadable body", PATH, status);
            throw new OrderQueryException("Query Order answered HTTP " + status + " with a body that is not a "
                    + "Query Order answer: " + e.getMessage(), e);
        }
        String code = response.resultCode() == null ? null : response.resultCode().code();
        LOG.debug("Query Order GET {} -> HTTP {} {}", PATH, status, code);
        if (code == null) {
            throw new OrderQueryException("Query Order answer has no resultCode", (String) null);
        }
        if (!SUCCESS_CODES.contains(code)) {
            throw new OrderQueryException("Query Order answered " + code + ": " + response.resultMsg(), code);
        }
        if (response.orderInfo() == null) {
            throw new OrderQueryException("Query Order answered " + code + " but carried no orderInfo", code);
        }
        return response.orderInfo();
    }

    /** Endpoint and timeouts; never the keys. */
    @Override
    public String toString() {
        return "QueryOrderClient[endpoint=" + endpoint + ", " + connection + ", accessKey=<redacted>, "
                + "secretKey=<redacted>]";
    }

    /** The code and message of an error answer, from a Query Order or an API-gateway body; nulls if neither. */
    record CodeAndMessage(String code, String message) {

        static CodeAndMessage from(byte[] body) {
            JsonNode tree;
            try {
                tree = JSON.readTree(body);
            } catch (IOException e) {
                return new CodeAndMessage(null, null);
            }
            if (tree == null || !tree.isObject()) {
                return new CodeAndMessage(null, null);
            }
            for (String[] names : new String[][] {{"resultCode", "resultMsg"}, {"error_code", "error_msg"}}) {
                JsonNode code = tree.get(names[0]);
                if (code != null && code.isValueNode() && !code.asText().isEmpty()) {
                    JsonNode message = tree.get(names[1]);
                    return new CodeAndMessage(code.asText(), message == null ? null : message.asText());
                }
            }
            return new CodeAndMessage(null, null);
        }
    }

    /** Configures a {@link QueryOrderClient}; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder extends ConnectionOptions<Builder> {

        private final OpenApiEndpoint endpoint;
        private String accessKey;
        private String secretKey;
        private Clock clock = Clock.systemUTC();

        private Builder(OpenApiEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** The seller's access key (AK) and secret key (SK) from 我的凭证 > 访问密钥. Required. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        /** The clock that dates requests ({@code X-Sdk-Date}); the gateway allows 15 minutes of skew. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }




        /**
         * @throws IllegalStateException if the credentials are missing
         * @throws IllegalArgumentException if they are malformed, or a timeout is not positive
         */
        public QueryOrderClient build() {
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
                throw new IllegalStateException("Query Order needs the seller's access key and secret key: "
                        + "call credentials(accessKey, secretKey)");
            }
            return new QueryOrderClient(this);
        }
    }
}
