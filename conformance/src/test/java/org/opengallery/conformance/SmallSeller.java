package org.opengallery.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.apig.SignedRequest;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.UnknownActivityException;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.protocol.message.sync.ApplicationSyncRequest;
import org.opengallery.protocol.message.sync.SyncFlag;
import org.opengallery.protocol.message.sync.SyncInterface;
import org.opengallery.protocol.message.sync.SyncRequest;
import org.opengallery.protocol.message.sync.TenantSyncRequest;
import org.opengallery.protocol.message.v1.V1InstanceStatusRequest;
import org.opengallery.protocol.message.v1.V1NewInstanceRequest;
import org.opengallery.protocol.message.v1.V1QueryInstanceRequest;
import org.opengallery.protocol.message.v1.V1ReleaseInstanceRequest;
import org.opengallery.protocol.message.v1.V1Request;
import org.opengallery.protocol.message.v1.V1UpgradeRequest;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.OrderNotifyRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.ReleaseInstanceRequest;
import org.opengallery.protocol.message.v2.UpdateInstanceStatusRequest;
import org.opengallery.protocol.message.v2.UpgradeInstanceRequest;
import org.opengallery.protocol.message.v2.V2Request;
import org.opengallery.protocol.v1.AuthTokenVerifier;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.InMemoryNonceReplayGuard;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;

/**
 * A small, faithful seller written straight on the protocol module and the JDK's HTTP server: V2 on POST
 * {@code /saasproduce}, V1 on GET, kit sync on {@code /produceAPI/v2/*}, instances in memory, idempotent per
 * order line (V1: per order), the first accepted create's businessId as instanceId, Query Order called with
 * AK/SK when an open API is configured. Each {@link Flaw} breaks one rule, so tests can check the checker
 * catches it. Public, in the test jar, for the app module's tests of the check command.
 */
public final class SmallSeller implements AutoCloseable {

    /** One deliberate mistake each. */
    public enum Flaw {
        /** Never verifies a signature or token. */
        IGNORES_SIGNATURE,
        /** Accepts any timestamp. */
        IGNORES_TIMESTAMP_WINDOW,
        /** Accepts a nonce twice. */
        NO_NONCE_GUARD,
        /** A retried create makes a new instance. */
        NEW_INSTANCE_ON_RETRY,
        /** Checks for the order line, pauses, then creates: two concurrent creates make two instances. */
        RACY_CREATE,
        /** Answers 000003 to the release of a released instance. */
        FAILS_SECOND_RELEASE,
        /** Answers HTTP 500 to an unknown activity. */
        ANSWERS_500_ON_UNKNOWN_ACTIVITY,
        /** V1 answers carry no Body-Sign. */
        V1_NO_BODY_SIGN,
        /** V1 credentials in clear. */
        V1_PLAIN_CREDENTIALS,
        /** V1 credentials encrypted with AES-128 while declaring encryptType 1 (AES-256). */
        V1_WRONG_KEY_SIZE,
        /** Carries out the request, then verifies it: a rejected release still releases. */
        APPLIES_BEFORE_VERIFYING
    }

    /** What the seller answers: status and JSON. */
    private record Answer(int status, byte[] body) {
        static Answer json(Object message) {
            return new Answer(200, ProtocolJson.writeBytes(message));
        }

        static Answer result(ResultCode code, String message) {
            return json(new ResultResponse(code, message));
        }
    }

    private static final class Instance {
        final String id;
        final AppInfo appInfo;
        volatile boolean ready;
        volatile boolean released;
        volatile boolean frozen;

        Instance(String id, AppInfo appInfo) {
            this.id = id;
            this.appInfo = appInfo;
        }
    }

    private final String key;
    private final Set<Flaw> flaws;
    private final boolean async;
    private final URI openApi;
    private final ApigSigner apigSigner;
    private final PrivateKey kitPrivateKey;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService provisioning = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SignatureVerifier v2Verifier;
    private final SignatureVerifier kitVerifier;
    private final Map<String, String> instanceByOrderLine = new ConcurrentHashMap<>();
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, String> tenants = new ConcurrentHashMap<>();
    private final List<String> createdForOrders = Collections.synchronizedList(new ArrayList<>());

    private SmallSeller(Builder b) throws IOException {
        this.key = b.key;
        this.flaws = b.flaws;
        this.async = b.async;
        this.openApi = b.openApi;
        this.apigSigner = b.openApi == null ? null : ApigSigner.of(b.ak, b.sk);
        this.kitPrivateKey = b.kitPrivateKey;
        this.v2Verifier = verifier(SignatureScheme.URL);
        this.kitVerifier = verifier(SignatureScheme.KIT);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/saasproduce", this::production);
        server.createContext(SyncInterface.PATH_PREFIX, this::sync);
        server.start();
    }

    public static Builder withKey(String key) {
        return new Builder(key);
    }

    public static final class Builder {
        private final String key;
        private Set<Flaw> flaws = EnumSet.noneOf(Flaw.class);
        private boolean async;
        private URI openApi;
        private String ak;
        private String sk;
        private PrivateKey kitPrivateKey;

        private Builder(String key) {
            this.key = key;
        }

        public Builder flaw(Flaw flaw) {
            flaws = EnumSet.of(flaw);
            return this;
        }

        /** Answers creates with 000004 and delivers 300 ms later. */
        public Builder provisioningAsynchronously() {
            async = true;
            return this;
        }

        public Builder openApi(URI baseUrl, String ak, String sk) {
            this.openApi = baseUrl;
            this.ak = ak;
            this.sk = sk;
            return this;
        }

        public Builder kitPrivateKey(PrivateKey privateKey) {
            this.kitPrivateKey = privateKey;
            return this;
        }

        public SmallSeller start() throws IOException {
            return new SmallSeller(this);
        }
    }

    public URI productionUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/saasproduce");
    }

    /** The order ids of the creates this seller carried out. */
    public List<String> createdForOrders() {
        synchronized (createdForOrders) {
            return List.copyOf(createdForOrders);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        provisioning.shutdownNow();
    }

    private SignatureVerifier verifier(SignatureScheme scheme) {
        NonceReplayGuard guard = flaws.contains(Flaw.NO_NONCE_GUARD) ? NonceReplayGuard.none()
                : new InMemoryNonceReplayGuard();
        SignatureVerifier.Builder builder = SignatureVerifier.forScheme(scheme, key).nonceGuard(guard);
        if (flaws.contains(Flaw.IGNORES_TIMESTAMP_WINDOW)) {
            builder.withoutTimeCheck();
        }
        return builder.build();
    }

    // ---- HTTP ----

    private void production(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            String query = exchange.getRequestURI().getRawQuery();
            if ("GET".equals(exchange.getRequestMethod())) {
                send(exchange, verifiedThenDone(() -> AuthTokenVerifier.forKey(key).verifyQuery(query), () -> v1(query)),
                        true);
            } else {
                send(exchange, verifiedThenDone(() -> v2Verifier.verifyQuery(query, body), () -> v2(body)), false);
            }
        }
    }

    private void sync(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            var headers = exchange.getRequestHeaders();
            Runnable verification = () -> kitVerifier.verify(headers.getFirst("x-sign"), headers.getFirst("x-timestamp"),
                    headers.getFirst("x-nonce"), body);
            String path = exchange.getRequestURI().getPath();
            send(exchange, verifiedThenDone(verification, () -> sync(path, body)), false);
        }
    }

    /** Verifies, then carries out; or, with {@link Flaw#APPLIES_BEFORE_VERIFYING}, the other way round. */
    private Answer verifiedThenDone(Runnable verification, java.util.function.Supplier<Answer> work) {
        if (flaws.contains(Flaw.IGNORES_SIGNATURE)) {
            return work.get();
        }
        Answer done = flaws.contains(Flaw.APPLIES_BEFORE_VERIFYING) ? work.get() : null;
        try {
            verification.run();
        } catch (VerificationException e) {
            return Answer.result(ResultCode.of(e.resultCode()), e.getMessage());
        }
        return done != null ? done : work.get();
    }

    private void send(HttpExchange exchange, Answer answer, boolean v1) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        if (v1 && !flaws.contains(Flaw.V1_NO_BODY_SIGN)) {
            exchange.getResponseHeaders().set(BodySign.HEADER, BodySign.sign(key, answer.body()).headerValue());
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    // ---- V2 ----

    private Answer v2(byte[] body) {
        V2Request request;
        try {
            request = V2Request.parse(body);
        } catch (UnknownActivityException e) {
            if (flaws.contains(Flaw.ANSWERS_500_ON_UNKNOWN_ACTIVITY)) {
                return new Answer(500, "Internal Server Error".getBytes(StandardCharsets.UTF_8));
            }
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        } catch (InvalidMessageException e) {
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        try {
            if (request instanceof NewInstanceRequest r) {
                if (!orderReadable(r.orderId(), r.orderLineId())) {
                    return Answer.result(ResultCode.Known.INTERNAL_ERROR, "cannot read order " + r.orderId());
                }
                Instance instance = create(r.orderId() + "/" + r.orderLineId(), r.orderId(), r.businessId(), false);
                return Answer.json(instance.ready ? NewInstanceResponse.created(instance.id)
                        : NewInstanceResponse.inProgress(instance.id));
            }
            if (request instanceof QueryInstanceRequest r) {
                return query(r.instanceIds(), null);
            }
            if (request instanceof UpdateInstanceStatusRequest r) {
                return status(r.instanceId(), r.status());
            }
            if (request instanceof ReleaseInstanceRequest r) {
                return release(r.instanceId());
            }
            if (request instanceof UpgradeInstanceRequest r) {
                if (!orderReadable(r.orderId(), r.orderLineId())) {
                    return Answer.result(ResultCode.Known.INTERNAL_ERROR, "cannot read order " + r.orderId());
                }
                return live(r.instanceId());
            }
            if (request instanceof OrderNotifyRequest r) {
                return orderReadable(r.orderId(), r.orderLineId()) ? Answer.json(ResultResponse.success())
                        : Answer.result(ResultCode.Known.INTERNAL_ERROR, "cannot read order " + r.orderId());
            }
            if (request instanceof org.opengallery.protocol.message.v2.RefreshInstanceRequest r) {
                return live(r.instanceId());
            }
            return live(((org.opengallery.protocol.message.v2.ChangeInstanceCheckRequest) request).instanceId());
        } catch (RuntimeException e) {
            return Answer.result(ResultCode.Known.INTERNAL_ERROR, "internal error");
        }
    }

    // ---- V1 ----

    private Answer v1(String rawQuery) {
        V1Request request;
        Map<String, String> parameters;
        try {
            parameters = QueryString.parse(rawQuery, PlusSign.SPACE).asMap();
            request = V1Request.from(parameters);
        } catch (UnknownActivityException e) {
            if (flaws.contains(Flaw.ANSWERS_500_ON_UNKNOWN_ACTIVITY)) {
                return new Answer(500, "Internal Server Error".getBytes(StandardCharsets.UTF_8));
            }
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        } catch (ProtocolException e) {
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        if (request instanceof V1NewInstanceRequest r) {
            Instance instance = create(r.orderId(), r.orderId(), r.businessId(), true);
            return Answer.json(instance.ready
                    ? NewInstanceResponse.created(instance.id, v1Credentials(instance.appInfo), EncryptType.AES_256)
                    : NewInstanceResponse.inProgress(instance.id));
        }
        if (request instanceof V1QueryInstanceRequest r) {
            return query(r.instanceIds(), EncryptType.AES_256);
        }
        if (request instanceof V1ReleaseInstanceRequest r) {
            return release(r.instanceId());
        }
        if (request instanceof V1InstanceStatusRequest r) {
            return status(r.instanceId(), r.instanceStatus());
        }
        if (request instanceof V1UpgradeRequest r) {
            return live(r.instanceId());
        }
        return live(parameters.get("instanceId"));
    }

    private AppInfo v1Credentials(AppInfo plain) {
        if (flaws.contains(Flaw.V1_PLAIN_CREDENTIALS)) {
            return plain;
        }
        EncryptType used = flaws.contains(Flaw.V1_WRONG_KEY_SIZE) ? EncryptType.AES_128 : EncryptType.AES_256;
        CredentialCipher cipher = CredentialCipher.forSellerKey(key, used);
        return new AppInfo(plain.frontEndUrl(), plain.adminUrl(), cipher.encryptCredential(plain.userName()),
                cipher.encryptCredential(plain.password()), plain.memo());
    }

    // ---- kit sync ----

    private Answer sync(String path, byte[] body) {
        SyncRequest request;
        try {
            request = SyncInterface.fromPath(path).parse(new String(body, StandardCharsets.UTF_8));
        } catch (InvalidMessageException e) {
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        if (request instanceof ApplicationSyncRequest r && r.clientSecret() != null && !decrypts(r.clientSecret())) {
            return Answer.result(ResultCode.Known.INVALID_PARAMETER, "clientSecret does not decrypt");
        }
        if (request instanceof TenantSyncRequest r) {
            if (r.flag() == SyncFlag.DELETE) {
                tenants.remove(r.tenantId());
            } else {
                tenants.put(r.tenantId(), r.name() == null ? "" : r.name());
            }
        }
        return Answer.json(ResultResponse.success());
    }

    private boolean decrypts(String clientSecret) {
        if (kitPrivateKey == null) {
            return false;
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, kitPrivateKey,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            return cipher.doFinal(Base64.getDecoder().decode(clientSecret)).length > 0;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---- the instances ----

    private Instance create(String orderLine, String orderId, String businessId, boolean v1) {
        Instance instance;
        if (flaws.contains(Flaw.NEW_INSTANCE_ON_RETRY)) {
            instance = provision(businessId);
        } else if (flaws.contains(Flaw.RACY_CREATE)) {
            String existing = instanceByOrderLine.get(orderLine);
            if (existing == null) {
                pause(400);
                instance = provision(businessId);
                instanceByOrderLine.put(orderLine, instance.id);
            } else {
                instance = instances.get(existing);
            }
        } else {
            String id = instanceByOrderLine.computeIfAbsent(orderLine, line -> provision(businessId).id);
            instance = instances.get(id);
        }
        createdForOrders.add(orderId);
        return instance;
    }

    private Instance provision(String instanceId) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/app/" + instanceId;
        Instance instance = new Instance(instanceId, new AppInfo(base, base + "/admin", "admin",
                UUID.randomUUID().toString().substring(0, 12), null));
        instances.put(instanceId, instance);
        if (async) {
            provisioning.schedule(() -> instance.ready = true, 300, TimeUnit.MILLISECONDS);
        } else {
            instance.ready = true;
        }
        return instance;
    }

    private Answer query(List<String> ids, EncryptType v1) {
        List<InstanceInfo> info = new ArrayList<>();
        boolean provisioningAny = false;
        for (String id : ids) {
            Instance instance = instances.get(id);
            if (instance == null || instance.released) {
                continue;
            }
            if (!instance.ready) {
                provisioningAny = true;
                continue;
            }
            info.add(new InstanceInfo(id, v1 == null ? instance.appInfo : v1Credentials(instance.appInfo)));
        }
        if (info.isEmpty()) {
            return provisioningAny ? Answer.result(ResultCode.Known.IN_PROGRESS, "provisioning")
                    : Answer.result(ResultCode.Known.INSTANCE_NOT_FOUND, "no such instance");
        }
        return Answer.json(v1 == null ? QueryInstanceResponse.of(info) : QueryInstanceResponse.of(info, v1));
    }

    private Answer live(String instanceId) {
        Instance instance = instanceId == null ? null : instances.get(instanceId);
        return instance == null || instance.released
                ? Answer.result(ResultCode.Known.INSTANCE_NOT_FOUND, "no such instance")
                : Answer.json(ResultResponse.success());
    }

    private Answer status(String instanceId, InstanceStatusChange change) {
        Answer answer = live(instanceId);
        if (instances.get(instanceId) != null) {
            instances.get(instanceId).frozen = change == InstanceStatusChange.FREEZE;
        }
        return answer;
    }

    private Answer release(String instanceId) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            return Answer.result(ResultCode.Known.INSTANCE_NOT_FOUND, "no such instance");
        }
        if (instance.released && flaws.contains(Flaw.FAILS_SECOND_RELEASE)) {
            return Answer.result(ResultCode.Known.INSTANCE_NOT_FOUND, "already released");
        }
        instance.released = true;
        return Answer.json(ResultResponse.success());
    }

    // ---- Query Order ----

    /** Reads the order from the open API when one is configured; without one, any order will do. */
    private boolean orderReadable(String orderId, String orderLineId) {
        if (openApi == null) {
            return true;
        }
        URI uri = URI.create(openApi + MockOpenApi.QUERY_ORDER_PATH + "?orderId=" + QueryString.encode(orderId)
                + "&orderLineId=" + QueryString.encode(orderLineId));
        SignedRequest signed = apigSigner.sign(ApigRequest.builder("GET", uri)
                .header("Content-Type", "application/json").build());
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).GET().header("Content-Type", "application/json");
        signed.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                get.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200
                    && ProtocolJson.read(response.body(), QueryOrderResponse.class).isSuccess();
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
