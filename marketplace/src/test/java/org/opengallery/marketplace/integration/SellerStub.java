package org.opengallery.marketplace.integration;

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
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;

/** A seller's production interface over HTTP on 127.0.0.1: the seller kit, or a faulty stand-in, switchable live. */
final class SellerStub implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicReference<Function<KitRequest, KitResponse>> handler;
    final List<KitRequest> seen = new CopyOnWriteArrayList<>();

    private SellerStub(Function<KitRequest, KitResponse> initial) throws IOException {
        handler = new AtomicReference<>(initial);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                KitRequest request = new KitRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body);
                seen.add(request);
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

    static SellerStub start(Function<KitRequest, KitResponse> handler) {
        try {
            return new SellerStub(handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void respondWith(Function<KitRequest, KitResponse> next) {
        handler.set(next);
    }

    Function<KitRequest, KitResponse> current() {
        return handler.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/saasproduce";
    }

    /** A JSON answer without Body-Sign. */
    static KitResponse unsigned(String body) {
        return new KitResponse(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON answer signed with {@code key}. */
    static KitResponse signed(String key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new KitResponse(200, Map.of("Content-Type", "application/json",
                BodySign.HEADER, BodySign.sign(key, bytes).headerValue()), bytes);
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
