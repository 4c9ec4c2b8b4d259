package org.opengallery.sellerkit.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.opengallery.protocol.apig.ApigRequest;

/**
 * KooGallery played on 127.0.0.1 with the JDK's HTTP server: records what arrives and answers through a test's
 * {@link Responder}, which is where the test verifies signatures with the protocol module.
 */
final class FakeKooGallery implements AutoCloseable {

    /** A request as it arrived: method, path, raw query, headers (first value, names case-insensitive), body. */
    record Received(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The request as a gateway verifies it: request target, headers as received, body bytes. */
        ApigRequest asApigRequest() {
            String target = path + (rawQuery == null ? "" : "?" + rawQuery);
            return ApigRequest.builder(method, target).headers(headers).body(body).build();
        }
    }

    record Reply(int status, String body) {

        static Reply json(int status, String body) {
            return new Reply(status, body);
        }
    }

    @FunctionalInterface
    interface Responder {
        Reply answer(Received request) throws Exception;
    }

    private final HttpServer server;
    private final String scheme;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeKooGallery(HttpServer server, String scheme, Responder responder) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    static FakeKooGallery http(Responder responder) {
        try {
            return new FakeKooGallery(HttpServer.create(loopback(), 0), "http", responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeKooGallery https(SSLContext serverContext, Responder responder) {
        try {
            HttpsServer server = HttpsServer.create(loopback(), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            return new FakeKooGallery(server, "https", responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL where nothing listens: a port just freed, so connecting is refused at once. */
    static String unreachableBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes());
            received.add(request);
            Reply reply;
            try {
                reply = responder.answer(request);
            } catch (Exception e) {
                reply = new Reply(599, "{\"fake\":\"responder threw " + e + "\"}");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
