package org.opengallery.sellerdemo.minimal;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.SellerKit;

/** The smallest possible seller: the kit on the JDK's HTTP server, no framework. Run with KEY and PORT set. */
public final class SmallestSeller {

    public static HttpServer start(String key, int port) throws Exception {
        SellerKit kit = SellerKit.builder()
                .accessKey(key)                       // production keys differ per interface type
                .seller(order -> new AppInfo("https://app.example.com/" + order.instanceId(), null, "admin",
                        "change-me-" + order.instanceId().hashCode(), null))
                .build()
                .start();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            KitResponse answer = kit.handle(new KitRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers,
                    exchange.getRequestBody().readAllBytes()));
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws Exception {
        start(System.getenv("KEY"), Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")));
    }
}
