package org.opengallery.marketplace.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;

/** A seller's production interface on the JDK HTTP server: the seller kit, or a faulty stand-in, switchable live. */
final class SellerServer implements AutoCloseable {

    static {
        // Without it the JDK server's Nagle + the client's delayed ACK stall every answer by ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as the seller received it, and when ({@link System#nanoTime()}). */
    record Seen(String method, String rawQuery, byte[] body, long receivedNanos) {
        Map<String, String> query() {
            return QueryString.parse(rawQuery == null ? "" : rawQuery, PlusSign.SPACE).asMap();
        }

        /** Body fields (V2) or query parameters (V1). */
        Map<String, String> fields() {
            if ("GET".equals(method)) {
                return query();
            }
            Map<String, String> fields = new HashMap<>();
            ProtocolJson.tree(ProtocolJson.read(body, Map.class)).fields()
                    .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            return fields;
        }

        String activity() {
            return fields().get("activity");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final AtomicReference<Function<KitRequest, KitResponse>> handler;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    private SellerServer(Function<KitRequest, KitResponse> initial) throws IOException {
        handler = new AtomicReference<>(initial);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                KitRequest request = new KitRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body);
                seen.add(new Seen(request.method(), request.rawQuery(), body, System.nanoTime()));
                KitResponse answer = handler.get().apply(request);
                answer.headers().forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(599, -1);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    static SellerServer start(Function<KitRequest, KitResponse> handler) {
        try {
            return new SellerServer(handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void respondWith(Function<KitRequest, KitResponse> next) {
        handler.set(next);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/saasproduce";
    }

    List<Seen> seen(String activity, String field, String value) {
        return seen.stream().filter(s -> activity.equals(s.activity()) && value.equals(s.fields().get(field))).toList();
    }

    /** A JSON answer with status 200 and no Body-Sign. */
    static KitResponse json(int status, String body) {
        return new KitResponse(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** An address nobody listens on: connection refused. */
    static String refusedUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/saasproduce";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
