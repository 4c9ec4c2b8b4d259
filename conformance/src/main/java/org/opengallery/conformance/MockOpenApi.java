package org.opengallery.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.StaleTimestampException;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigVerifier;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.protocol.message.usage.UsageErrorCode;
import org.opengallery.protocol.message.usage.UsagePushRequest;
import org.opengallery.protocol.message.usage.UsagePushResponse;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v2.InMemoryNonceReplayGuard;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;

/**
 * A stand-in for KooGallery's open API on {@code 127.0.0.1}, for the seller under test to call back while the
 * checker runs (point the seller's open-API base URL at {@link #baseUrl()}):
 * <ul>
 *   <li>Query Order, {@code GET }{@value #QUERY_ORDER_PATH}{@code ?orderId=…[&orderLineId=…]}: AK/SK verified
 *       like Huawei's API gateway ({@link ApigVerifier}); answers the {@code MOCK…} orders and every order the
 *       checker invented ({@link OrderBook}) with {@code resultCode 000000} and the {@link OrderInfo}.
 *       Refusals: HTTP 401 {@code APIGW.0301} (bad signature, unknown AK) or {@code APIGW.0303} (stale
 *       {@code X-Sdk-Date}); HTTP 400 {@code MKT.0101} for a missing or unknown order or line.</li>
 *   <li>Usage push, {@code POST }{@value #USAGE_PATH}: {@code signature}/{@code ts}/{@code nonce} verified
 *       with the seller's key ({@link SignatureScheme#USAGE}, 60-second window, nonces remembered); answers
 *       {@code MKT.0000}, or {@code MKT.0102} (bad signature, HTTP 400), {@code MKT.0101} (missing or stale
 *       headers, replayed nonce, unreadable body, HTTP 400), {@code MKT.9003} (over 1000 records),
 *       {@code MKT.9001} (an instance not delivered in this run), {@code MKT.9004} (a record beginning over 21
 *       days ago), {@code MKT.0100} (any other broken record), all HTTP 500 as documented.</li>
 * </ul>
 * What arrives is kept ({@link #queriedOrders()}, {@link #acceptedUsage()}) so tests can see the seller called.
 */
public final class MockOpenApi implements AutoCloseable {

    public static final String QUERY_ORDER_PATH = "/api/mkp-openapi-public/global/v1/order/query";
    public static final String USAGE_PATH = "/api/mkp-openapi-public/global/v1/isv/usage-data";

    /** How far back a usage record may begin (MKT.9004 beyond). */
    static final Duration USAGE_VALIDITY = Duration.ofDays(21);

    private final HttpServer server;
    private final ExecutorService executor;
    private final OrderBook orders;
    private final ApigVerifier apigVerifier;
    private final SignatureVerifier usageVerifier;
    private final Clock clock;
    private final List<String> queriedOrders = Collections.synchronizedList(new ArrayList<>());
    private final List<UsageRecord> acceptedUsage = Collections.synchronizedList(new ArrayList<>());

    private MockOpenApi(HttpServer server, AccessKeys accessKeys, String sellerKey, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.orders = new OrderBook(clock, true);
        this.apigVerifier = ApigVerifier.builder(accessKeys).clock(clock).build();
        this.usageVerifier = SignatureVerifier.forScheme(SignatureScheme.USAGE, sellerKey).clock(clock)
                .nonceGuard(new InMemoryNonceReplayGuard(InMemoryNonceReplayGuard.DEFAULT_CAPACITY, clock)).build();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "mock-open-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(QUERY_ORDER_PATH, this::queryOrder);
        server.createContext(USAGE_PATH, this::usagePush);
        server.createContext("/", exchange -> answer(exchange, 404, Map.of("error_code", "APIGW.0101",
                "error_msg", "The API does not exist or has not been published in the environment")));
    }

    /**
     * Starts serving on {@code 127.0.0.1:port} ({@code 0} picks a free port).
     *
     * @param accessKeys the AK/SK pairs Query Order accepts
     * @param sellerKey  the seller's key bound to the basic interfaces, which signs usage pushes
     * @throws IOException if the port cannot be bound
     */
    public static MockOpenApi start(int port, AccessKeys accessKeys, String sellerKey) throws IOException {
        return start(port, accessKeys, sellerKey, Clock.systemUTC());
    }

    static MockOpenApi start(int port, AccessKeys accessKeys, String sellerKey, Clock clock) throws IOException {
        Objects.requireNonNull(accessKeys, "accessKeys");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        MockOpenApi api = new MockOpenApi(server, accessKeys, sellerKey, clock);
        server.start();
        return api;
    }

    /** {@code http://127.0.0.1:PORT}: the open-API base URL to give the seller. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The orders it answers; the checker places its orders here. */
    public OrderBook orders() {
        return orders;
    }

    /** The order ids Query Order answered, in order of arrival. */
    public List<String> queriedOrders() {
        synchronized (queriedOrders) {
            return List.copyOf(queriedOrders);
        }
    }

    /** The usage records pushes delivered successfully, in order of arrival. */
    public List<UsageRecord> acceptedUsage() {
        synchronized (acceptedUsage) {
            return List.copyOf(acceptedUsage);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void queryOrder(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, Map.of("error_code", "APIGW.0101", "error_msg", "Query Order is a GET"));
                return;
            }
            try {
                apigVerifier.verify(apigRequest(exchange, body));
            } catch (VerificationException e) {
                String code = e instanceof StaleTimestampException ? "APIGW.0303" : "APIGW.0301";
                answer(exchange, 401, Map.of("error_code", code,
                        "error_msg", "Incorrect IAM authentication information: " + e.getMessage()));
                return;
            }
            Map<String, String> query;
            try {
                query = QueryString.parse(exchange.getRequestURI().getRawQuery(), PlusSign.SPACE).asMap();
            } catch (ProtocolException e) {
                answer(exchange, 400, invalidParameter(e.getMessage()));
                return;
            }
            String orderId = query.get("orderId");
            if (orderId == null || orderId.isEmpty()) {
                answer(exchange, 400, invalidParameter("orderId is missing"));
                return;
            }
            queriedOrders.add(orderId);
            Optional<OrderInfo> order = orders.order(orderId);
            if (order.isEmpty()) {
                answer(exchange, 400, invalidParameter("no order " + orderId));
                return;
            }
            String lineId = query.get("orderLineId");
            OrderInfo info = order.get();
            if (lineId != null && !lineId.isEmpty()) {
                var lines = info.orderLine().stream().filter(l -> lineId.equals(l.orderLineId())).toList();
                if (lines.isEmpty()) {
                    answer(exchange, 400, invalidParameter("order " + orderId + " has no line " + lineId));
                    return;
                }
                info = new OrderInfo(info.orderId(), info.orderType(), info.createTime(), lines, info.buyerInfo(),
                        info.extendParams(), info.extra());
            }
            answer(exchange, 200, new QueryOrderResponse(ResultCode.Known.SUCCESS, "success", info));
        }
    }

    private static Map<String, String> invalidParameter(String message) {
        return Map.of("resultCode", "MKT.0101", "resultMsg", "invalid parameter: " + message);
    }

    private void usagePush(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            if (!"POST".equals(exchange.getRequestMethod())) {
                usageAnswer(exchange, UsageErrorCode.Known.INVALID_PARAMETER, "usage push is a POST");
                return;
            }
            var headers = exchange.getRequestHeaders();
            try {
                usageVerifier.verify(headers.getFirst("signature"), headers.getFirst("ts"), headers.getFirst("nonce"),
                        body);
            } catch (VerificationException e) {
                UsageErrorCode code = "000001".equals(e.resultCode())
                        ? UsageErrorCode.Known.INVALID_BODY_SIGN : UsageErrorCode.Known.INVALID_PARAMETER;
                usageAnswer(exchange, code, e.getMessage());
                return;
            }
            UsagePushRequest push;
            try {
                push = ProtocolJson.read(body, UsagePushRequest.class);
            } catch (ProtocolException e) {
                usageAnswer(exchange, UsageErrorCode.Known.INVALID_PARAMETER, e.getMessage());
                return;
            }
            Optional<Refusal> refusal = refusal(push);
            if (refusal.isPresent()) {
                usageAnswer(exchange, refusal.get().code(), refusal.get().message());
                return;
            }
            acceptedUsage.addAll(push.usageRecords());
            usageAnswer(exchange, UsageErrorCode.Known.SUCCESS, "success");
        }
    }

    private record Refusal(UsageErrorCode code, String message) {
    }

    /** Why the platform refuses this push, if it does. */
    private Optional<Refusal> refusal(UsagePushRequest push) {
        List<UsageRecord> records = push.usageRecords() == null ? List.of() : push.usageRecords();
        if (records.size() > UsagePushRequest.MAX_RECORDS) {
            return Optional.of(new Refusal(UsageErrorCode.Known.TOO_MANY_RECORDS,
                    records.size() + " records; at most " + UsagePushRequest.MAX_RECORDS + " per push"));
        }
        try {
            push.validate();
        } catch (ProtocolException e) {
            return Optional.of(new Refusal(UsageErrorCode.Known.PARAMETER_CHECK_FAILED, e.getMessage()));
        }
        for (UsageRecord record : records) {
            if (!orders.delivered(record.instanceId())) {
                return Optional.of(new Refusal(UsageErrorCode.Known.INSTANCE_NOT_FOUND,
                        "instance " + record.instanceId() + " was not delivered in this run"));
            }
            Instant begin = ProtocolTime.parseIsoBasic(record.beginTime());
            if (begin.isBefore(clock.instant().minus(USAGE_VALIDITY))) {
                return Optional.of(new Refusal(UsageErrorCode.Known.BEGIN_TIME_OUT_OF_RANGE,
                        "record " + record.meteringSn() + " begins more than 21 days ago"));
            }
        }
        return Optional.empty();
    }

    private static void usageAnswer(HttpExchange exchange, UsageErrorCode code, String message) throws IOException {
        answer(exchange, code.httpStatus().orElse(500), new UsagePushResponse(code, message));
    }

    private static ApigRequest apigRequest(HttpExchange exchange, byte[] body) {
        URI uri = exchange.getRequestURI();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ApigRequest.Builder request = ApigRequest.builder(exchange.getRequestMethod(), target).body(body);
        exchange.getRequestHeaders().forEach((name, values) -> request.header(name, String.join(",", values)));
        return request.build();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, int status, Object message) throws IOException {
        byte[] bytes = ProtocolJson.writeBytes(message instanceof Map<?, ?> fields ? new TreeMap<>(fields) : message);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
