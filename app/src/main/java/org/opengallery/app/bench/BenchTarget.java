package org.opengallery.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.SellerKit;
import org.opengallery.sellerkit.store.KitStore;

/**
 * The server side of the seller benchmark, run in its own JVM: either the seller kit with a seller whose code
 * does nothing (so the figure is the kit's own cost: verification, idempotency store, answers), or the floor —
 * the same JDK HTTP server with a handler that only parses the JSON body and answers a constant.
 */
final class BenchTarget {

    static final byte[] CONSTANT = "{\"resultCode\":\"000000\",\"resultMsg\":\"success\"}".getBytes(StandardCharsets.UTF_8);

    private BenchTarget() {
    }

    static HttpServer start(String kind, int port, String key, KitStore store, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        if ("delivery".equals(kind)) {
            server.createContext("/saasproduce", new DeliverySeller(key)::handle);
        } else if ("kit".equals(kind)) {
            SellerKit kit = SellerKit.builder().basicKey(key).store(store).seller(new InstantSeller()).build();
            server.createContext("/saasproduce", exchange -> answerWithKit(kit, exchange));
        } else {
            server.createContext("/saasproduce", BenchTarget::answerConstant);
        }
        server.start();
        return server;
    }

    /** A seller whose code costs nothing, so the figures are the kit's own. */
    static final class InstantSeller implements SaasSeller {
        @Override
        public AppInfo newInstance(NewInstance order) {
            return new AppInfo("https://bench.example/" + order.instanceId(), null, "admin", "pw", null);
        }

        @Override
        public void refreshInstance(InstanceRefresh refresh) {
        }

        @Override
        public void releaseInstance(InstanceRelease release) {
        }
    }

    private static void answerWithKit(SellerKit kit, HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        KitResponse answer = kit.handle(new KitRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, answer.status(), answer.body());
    }

    private static void answerConstant(HttpExchange exchange) throws IOException {
        ProtocolJson.read(exchange.getRequestBody().readAllBytes(), JsonNode.class);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        send(exchange, 200, CONSTANT);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
