package org.opengallery.app.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.V2Request;
import org.opengallery.protocol.v2.InMemoryNonceReplayGuard;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;

/**
 * The seller of the delivery benchmark: the lightest production interface that still does what a real one must
 * for the marketplace: it verifies the V2 URL signature (time window and nonce replay guard included), reads the
 * request, answers newInstance synchronously with an instanceId (000000, no appInfo, so the marketplace queries),
 * queryInstance with an appInfo (with a password, which the marketplace masks before storing the answer), and
 * every other activity with 000000. The instanceId is derived from the order line, so a repeated create gets the
 * same instance without any store.
 */
final class DeliverySeller {

    private final SignatureVerifier verifier;
    private final AtomicLong failures = new AtomicLong();

    DeliverySeller(String key) {
        this.verifier = SignatureVerifier.forScheme(SignatureScheme.URL, key)
                .nonceGuard(new InMemoryNonceReplayGuard()).build();
    }

    static String instanceIdFor(String orderLineId) {
        return "bench-" + orderLineId;
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Response answer;
        try {
            verifier.verifyQuery(exchange.getRequestURI().getRawQuery(), body);
            V2Request request = ProtocolJson.read(body, V2Request.class);
            answer = switch (request.activity()) {
                case NEW_INSTANCE -> NewInstanceResponse.created(instanceIdFor(((NewInstanceRequest) request).orderLineId()));
                case QUERY_INSTANCE -> {
                    String id = ((QueryInstanceRequest) request).instanceId();
                    yield QueryInstanceResponse.of(List.of(new InstanceInfo(id, new AppInfo(
                            "https://bench.example/" + id, null, "admin", "bench-password", null))));
                }
                default -> ResultResponse.success();
            };
        } catch (InvalidMessageException e) {
            failures.incrementAndGet();
            answer = new ResultResponse(ResultCode.Known.INVALID_PARAMETER, e.getClass().getSimpleName());
        } catch (ProtocolException e) {
            // signature missing or wrong, stale timestamp, replayed nonce
            failures.incrementAndGet();
            answer = new ResultResponse(ResultCode.Known.AUTHENTICATION_FAILED, e.getClass().getSimpleName());
            answer = new ResultResponse(ResultCode.Known.INVALID_PARAMETER, e.getClass().getSimpleName());
        }
        byte[] bytes = ProtocolJson.writeBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
