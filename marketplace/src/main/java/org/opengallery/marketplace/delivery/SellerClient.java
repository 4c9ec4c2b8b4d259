package org.opengallery.marketplace.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.OrderNotifyRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.RefreshInstanceRequest;
import org.opengallery.protocol.message.v2.ReleaseInstanceRequest;
import org.opengallery.protocol.message.v2.UpdateInstanceStatusRequest;
import org.opengallery.protocol.message.v2.UpgradeInstanceRequest;
import org.opengallery.protocol.message.v2.V2Request;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;
import org.springframework.stereotype.Component;

/**
 * Speaks KooGallery's wire protocol to one seller: V2 POST JSON signed in the URL, V1 GET with authToken (the
 * buyer's phone and e-mail encrypted, the answer's Body-Sign verified over the exact bytes, the returned
 * credentials decrypted). One shared JDK HttpClient; never throws for anything the seller does.
 *
 * <p>Wire timestamps (V2 {@code timestamp}, V1 {@code timeStamp}) are the real time, not the application clock:
 * sellers check them against their own clock (±60 s), and tests move the application clock by hours.
 */
@Component
class SellerClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Reads answers that mention a password into a tree to mask them. One copy of the protocol's mapper for good:
     * {@link ProtocolJson#mapper()} copies it (and its caches) on every call, and every queryInstance answer
     * carries a password.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper MASKING = ProtocolJson.mapper();
    private static final int STORED_TEXT_LIMIT = 4000;

    private final HttpClient http;
    private final Duration timeout;

    SellerClient(DeliveryProperties properties) {
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The activity's own call (create, refresh, status, release, upgrade, order notification). */
    Exchange call(CallRow call, String key) {
        if (call.version() == SellerEndpoint.InterfaceVersion.V2) {
            return v2(call, key, v2Request(call), call.activity() == Activity.NEW_INSTANCE
                    ? NewInstanceResponse.class : ResultResponse.class);
        }
        return v1(call, key, v1Parameters(call, call.storedCommand(), key), call.activity() == Activity.NEW_INSTANCE
                ? NewInstanceResponse.class : ResultResponse.class);
    }

    /** queryInstance for the call's instance (after a create answered without the appInfo). */
    Exchange query(CallRow call, String key) {
        if (call.version() == SellerEndpoint.InterfaceVersion.V2) {
            return v2(call, key, new QueryInstanceRequest(call.instanceId(), null), QueryInstanceResponse.class);
        }
        Map<String, String> p = new TreeMap<>();
        p.put("activity", "queryInstance");
        p.put("instanceId", call.instanceId());
        return v1(call, key, p, QueryInstanceResponse.class);
    }

    /**
     * A V2 create and order notification carry only ids, which the call row has in its own columns (written from
     * the same command): the stored command is read only for the other activities.
     */
    private static V2Request v2Request(CallRow call) {
        switch (call.activity()) {
            case NEW_INSTANCE:
                // businessId: different on every request (the seller keys idempotency on orderId + orderLineId).
                return new NewInstanceRequest(call.orderId(), call.orderLineId(), UUID.randomUUID().toString(), null);
            case ORDER_NOTIFY:
                return new OrderNotifyRequest(call.orderId(), call.orderLineId(), TestFlag.PRODUCTION);
            default:
                return v2Request(call, call.storedCommand());
        }
    }

    private static V2Request v2Request(CallRow call, StoredCommand c) {
        switch (call.activity()) {
            case REFRESH_INSTANCE:
                return new RefreshInstanceRequest(c.refreshScene(), c.orderId(), c.orderLineId(), c.instanceId(),
                        c.productId(), ProtocolTime.formatDateTime(c.newExpiry()), null);
            case UPDATE_INSTANCE_STATUS:
                return new UpdateInstanceStatusRequest(c.instanceId(), InstanceStatusChange.valueOf(c.status()), null);
            case RELEASE_INSTANCE:
                return new ReleaseInstanceRequest(c.instanceId(), c.orderId(), c.orderLineId(), null);
            case UPGRADE_INSTANCE:
                return new UpgradeInstanceRequest(c.instanceId(), c.orderId(), c.orderLineId(), null);
            default:
                throw new IllegalStateException("no V2 request for " + call.activity());
        }
    }

    /** The decoded V1 parameters of each activity (protocol-v1.md §5), without timeStamp and authToken. */
    private static Map<String, String> v1Parameters(CallRow call, StoredCommand c, String key) {
        Map<String, String> p = new TreeMap<>();
        switch (call.activity()) {
            case NEW_INSTANCE -> {
                CredentialCipher cipher = CredentialCipher.forSellerKey(key, call.encryptType());
                p.put("activity", "newInstance");
                p.put("businessId", UUID.randomUUID().toString());
                p.put("orderId", c.orderId());
                put(p, "customerId", c.customerId());
                put(p, "customerName", c.customerName());
                put(p, "userId", c.userId());
                put(p, "userName", c.userName());
                put(p, "mobilePhone", blank(c.mobilePhone()) ? null : cipher.encrypt(c.mobilePhone()));
                put(p, "email", blank(c.email()) ? null : cipher.encrypt(c.email()));
                put(p, "productId", c.productId());
                put(p, "skuCode", c.skuCode());
                put(p, "expireTime", c.expiry() == null ? null : ProtocolTime.formatDateTime(c.expiry()));
                put(p, "periodType", c.periodType());
                put(p, "periodNumber", c.periodNumber() == null ? null : c.periodNumber().toString());
                put(p, "orderAmount", c.amount() == null ? null : c.amount().toPlainString());
                put(p, "chargingMode", c.chargingMode());
                p.put("trialFlag", Boolean.TRUE.equals(c.trial()) ? "1" : "0");
            }
            case REFRESH_INSTANCE -> {
                p.put("activity", "refreshInstance");
                p.put("instanceId", c.instanceId());
                p.put("orderId", c.orderId());
                put(p, "productId", c.productId());
                p.put("expireTime", ProtocolTime.formatDateTime(c.newExpiry()));
                put(p, "periodType", c.periodType());
                put(p, "periodNumber", c.periodNumber() == null ? null : c.periodNumber().toString());
                put(p, "orderAmount", c.amount() == null ? null : c.amount().toPlainString());
            }
            case UPDATE_INSTANCE_STATUS -> {
                // V1 freezes an expired instance with expireInstance; it has no unfreeze of its own but
                // instanceStatus (documented for pay-per-use), which carries UNFREEZE.
                if ("FREEZE".equals(c.status())) {
                    p.put("activity", "expireInstance");
                    p.put("instanceId", c.instanceId());
                    put(p, "orderId", c.orderId());
                } else {
                    p.put("activity", "instanceStatus");
                    p.put("instanceId", c.instanceId());
                    p.put("instanceStatus", c.status());
                }
            }
            case RELEASE_INSTANCE -> {
                p.put("activity", "releaseInstance");
                p.put("instanceId", c.instanceId());
                put(p, "orderId", c.orderId());
            }
            case UPGRADE_INSTANCE -> {
                p.put("activity", "upgrade");
                p.put("instanceId", c.instanceId());
                p.put("orderId", c.orderId());
                put(p, "productId", c.productId());
                put(p, "skuCode", c.skuCode());
            }
            case ORDER_NOTIFY -> {
                p.put("activity", "orderNotify");
                p.put("orderId", c.orderId());
                p.put("orderLineId", c.orderLineId());
            }
            default -> throw new IllegalStateException("no V1 request for " + call.activity());
        }
        p.put("testFlag", "0");
        return p;
    }

    private Exchange v2(CallRow call, String key, V2Request message, Class<? extends Response> answerType) {
        byte[] body = ProtocolJson.writeBytes(message);
        String stored = new String(body, StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = HexFormat.of().formatHex(randomBytes(16));
        String signature = SignatureScheme.URL.sign(key, timestamp, nonce, body);
        String url = call.url() + (call.url().contains("?") ? "&" : "?") + SignatureScheme.URL.signatureName() + "="
                + signature + "&" + SignatureScheme.URL.timestampName() + "=" + timestamp + "&"
                + SignatureScheme.URL.nonceName() + "=" + nonce;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return Exchange.failed(stored, null, "the production address is not a valid URL: " + call.url());
        }
        return send(call, key, request, stored, answerType, false);
    }

    private Exchange v1(CallRow call, String key, Map<String, String> parameters, Class<? extends Response> answerType) {
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.put(AuthToken.TIME_STAMP, ProtocolTime.formatDateTimeMillis(Instant.now()));
        String storedQuery = QueryString.format(signed);
        signed.put(AuthToken.PARAMETER, AuthToken.compute(key, signed));
        String url = call.url() + (call.url().contains("?") ? "&" : "?") + QueryString.format(signed);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return Exchange.failed(storedQuery, null, "the production address is not a valid URL: " + call.url());
        }
        return send(call, key, request, "GET ?" + storedQuery, answerType, true);
    }

    private Exchange send(CallRow call, String key, HttpRequest request, String stored,
                          Class<? extends Response> answerType, boolean v1) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            return Exchange.failed(stored, null, "no connection to " + hostOf(request) + " within " + seconds(timeout)
                    + " (connect timeout)");
        } catch (HttpTimeoutException e) {
            return Exchange.failed(stored, null, "no answer from " + hostOf(request) + " within " + seconds(timeout)
                    + " (timeout)");
        } catch (ConnectException e) {
            return Exchange.failed(stored, null, "cannot connect to " + hostOf(request) + " (connection refused)");
        } catch (IOException e) {
            return Exchange.failed(stored, null, "I/O error talking to " + hostOf(request) + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed(stored, null, "interrupted while waiting for " + hostOf(request));
        }
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        String storedResponse = storable(bytes);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return Exchange.failed(stored, storedResponse, "HTTP " + status + " from the production interface");
        }
        if (v1) {
            try {
                BodySign.verify(key, bytes, response.headers().firstValue(BodySign.HEADER).orElse(null));
            } catch (MissingSignatureException e) {
                return Exchange.failed(stored, storedResponse, "the answer has no Body-Sign header (V1 answers are signed)");
            } catch (InvalidSignatureException e) {
                return Exchange.failed(stored, storedResponse,
                        "Body-Sign does not match the answer's body (signed with another Key, or altered)");
            } catch (ProtocolException e) {
                return Exchange.failed(stored, storedResponse, "malformed Body-Sign header: " + e.getMessage());
            }
        }
        Response answer;
        try {
            answer = ProtocolJson.read(bytes, answerType);
        } catch (RuntimeException e) {
            return Exchange.failed(stored, storedResponse, "the answer is not the protocol's JSON ("
                    + call.activity().wireName() + " answer expected): " + CallRepository.truncate(
                    String.valueOf(e.getMessage()).replaceAll("\\s+", " "), 200));
        }
        if (answer == null || answer.resultCode() == null) {
            return Exchange.failed(stored, storedResponse, "the answer has no resultCode");
        }
        String instanceId = null;
        AppInfo appInfo = null;
        String encryptType = null;
        if (answer instanceof NewInstanceResponse created) {
            instanceId = created.instanceId();
            appInfo = created.appInfo();
            encryptType = created.encryptType();
        } else if (answer instanceof QueryInstanceResponse queried) {
            encryptType = queried.encryptType();
            for (InstanceInfo info : queried.info() == null ? List.<InstanceInfo>of() : queried.info()) {
                if (call.instanceId() != null && call.instanceId().equals(info.instanceId())) {
                    instanceId = info.instanceId();
                    appInfo = info.appInfo();
                }
            }
        }
        if (v1 && appInfo != null) {
            try {
                EncryptType type = encryptType == null || encryptType.isBlank() ? call.encryptType()
                        : EncryptType.fromCode(encryptType);
                CredentialCipher cipher = CredentialCipher.forSellerKey(key, type);
                appInfo = new AppInfo(appInfo.frontEndUrl(), appInfo.adminUrl(), decrypt(cipher, appInfo.userName()),
                        decrypt(cipher, appInfo.password()), appInfo.memo(), appInfo.extra());
            } catch (RuntimeException e) {
                return Exchange.failed(stored, storedResponse, "userName/password of the appInfo cannot be decrypted "
                        + "with the Key and encryptType " + encryptType + ": " + e.getClass().getSimpleName());
            }
        }
        return new Exchange(stored, storedResponse, null, answer.resultCode(), answer.resultMsg(), instanceId, appInfo);
    }

    private static String decrypt(CredentialCipher cipher, String value) {
        return value == null || value.isEmpty() ? value : cipher.decrypt(value);
    }

    /** The answer as it may be stored and shown: JSON with every password masked, or the text, truncated. */
    static String storable(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            return CallRepository.truncate(text, STORED_TEXT_LIMIT);   // nothing to mask: no parse
        }
        try {
            JsonNode tree = MASKING.readTree(body);
            if (tree != null && tree.isContainerNode()) {
                mask(tree);
                return CallRepository.truncate(tree.toString(), STORED_TEXT_LIMIT);
            }
        } catch (IOException | RuntimeException notJson) {
            // stored as text
        }
        return "(not JSON, withheld: it mentions a password)";
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equalsIgnoreCase("password") && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf("***"));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(SellerClient::mask);
        }
    }

    private static String hostOf(HttpRequest request) {
        URI uri = request.uri();
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(name, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

}
