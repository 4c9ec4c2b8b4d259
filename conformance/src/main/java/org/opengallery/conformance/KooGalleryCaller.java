package org.opengallery.conformance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.sync.SyncInterface;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v2.SignatureScheme;

/**
 * Sends what KooGallery sends to a seller, signed as KooGallery signs it: V2 basic interfaces (POST JSON,
 * {@code signature}/{@code timestamp}/{@code nonce} in the URL), V1 (GET with {@code timeStamp} and {@code
 * authToken}) and joint-operation sync (POST JSON to {@code /produceAPI/v2/...} with {@code x-sign} headers).
 * Every request has KooGallery's 5-second timeout; a request that gets no answer in time, or cannot connect,
 * fails the case that sent it.
 *
 * <p>Cases can also sign badly on purpose (another key, a stale time, a reused nonce, no signature) to check the
 * seller rejects it. The key never leaves this class except inside a signature.
 */
final class KooGalleryCaller {

    /** How long KooGallery waits for a seller's answer. */
    static final Duration PLATFORM_TIMEOUT = Duration.ofSeconds(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final URI productionUrl;
    private final String key;
    private final Clock clock;
    private final List<SellerAnswer> v1Answers = Collections.synchronizedList(new ArrayList<>());

    KooGalleryCaller(URI productionUrl, String key, Clock clock) {
        this.productionUrl = productionUrl;
        this.key = key;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PLATFORM_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A fresh nonce as KooGallery makes them: 64 upper-case hex digits. */
    static String freshNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** A key that is not the seller's, to sign requests the seller must reject. */
    String wrongKey() {
        return key + "-not-this-one";
    }

    Instant now() {
        return clock.instant();
    }

    // ---- V2 basic interfaces ----

    /** The URL signature of a body, signed now with the seller's key and a fresh nonce. */
    TimestampSignature sign(byte[] body) {
        return sign(SignatureScheme.URL, body, key, now(), freshNonce());
    }

    /**
     * A signature of a body as given. A body that is not a JSON object (the malformed-JSON case) is signed over
     * its raw text, one of the payloads verifiers accept, so the seller's verdict is about the body alone.
     */
    TimestampSignature sign(SignatureScheme scheme, byte[] body, String signingKey, Instant at, String nonce) {
        String timestamp = ProtocolTime.formatEpochMillis(at);
        String signature;
        try {
            signature = scheme.sign(signingKey, timestamp, nonce, body);
        } catch (ProtocolException notAJsonObject) {
            signature = scheme.signPayload(signingKey, timestamp, nonce, new String(body, StandardCharsets.UTF_8));
        }
        return new TimestampSignature(scheme, signature, timestamp, nonce);
    }

    /** The URL signature of a body under {@code signingKey} at {@code at}, with a fresh nonce. */
    TimestampSignature signWith(byte[] body, String signingKey, Instant at) {
        return sign(SignatureScheme.URL, body, signingKey, at, freshNonce());
    }

    /** POSTs a V2 request record, signed now. */
    SellerAnswer v2(String request, Object message) {
        byte[] body = ProtocolJson.writeBytes(message);
        return v2(request, body, sign(body));
    }

    /** POSTs exactly these body bytes with exactly this signature. */
    SellerAnswer v2(String request, byte[] body, TimestampSignature signature) {
        return join(request, v2Async(request, body, signature));
    }

    CompletableFuture<SellerAnswer> v2Async(String request, byte[] body, TimestampSignature signature) {
        URI uri = withQuery(productionUrl, QueryString.format(signature.values()));
        HttpRequest post = HttpRequest.newBuilder(uri)
                .timeout(PLATFORM_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json;charset=utf8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request, post);
    }

    // ---- V1 ----

    /** GETs a V1 request: the parameters plus {@code timeStamp} (now) and an {@code authToken} under the seller's key. */
    SellerAnswer v1(String request, Map<String, String> parameters) {
        return join(request, v1Async(request, parameters, key));
    }

    /** GETs a V1 request whose {@code authToken} is computed with {@code tokenKey}, or left out when it is null. */
    SellerAnswer v1(String request, Map<String, String> parameters, String tokenKey) {
        return join(request, v1Async(request, parameters, tokenKey));
    }

    CompletableFuture<SellerAnswer> v1Async(String request, Map<String, String> parameters, String tokenKey) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put(AuthToken.TIME_STAMP, ProtocolTime.formatDateTimeMillis(now()));
        if (tokenKey != null) {
            query.put(AuthToken.PARAMETER, AuthToken.compute(tokenKey, query));
        }
        HttpRequest get = HttpRequest.newBuilder(withQuery(productionUrl, QueryString.format(query)))
                .timeout(PLATFORM_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(request, get).thenApply(answer -> {
            v1Answers.add(answer);
            return answer;
        });
    }

    /** Every V1 answer received so far, for the Body-Sign case. */
    List<SellerAnswer> v1Answers() {
        synchronized (v1Answers) {
            return List.copyOf(v1Answers);
        }
    }

    // ---- joint-operation sync ----

    /** POSTs a kit sync request record to its sub-path, signed now. */
    SellerAnswer kit(String request, SyncInterface sync, Object message) {
        byte[] body = ProtocolJson.writeBytes(message);
        return kit(request, sync, body, sign(SignatureScheme.KIT, body, key, now(), freshNonce()));
    }

    /** POSTs exactly these body bytes to the sync sub-path with exactly these headers. */
    SellerAnswer kit(String request, SyncInterface sync, byte[] body, TimestampSignature signature) {
        HttpRequest.Builder post = HttpRequest.newBuilder(syncUri(sync))
                .timeout(PLATFORM_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.values().forEach(post::header);
        return join(request, send(request, post.build()));
    }

    /** A kit signature under the seller's key, at a given time, with a given nonce. */
    TimestampSignature signKit(byte[] body, String signingKey, Instant at, String nonce) {
        return sign(SignatureScheme.KIT, body, signingKey, at, nonce);
    }

    /** A kit signature under the seller's key, now, with a fresh nonce. */
    TimestampSignature signKit(byte[] body) {
        return signKit(body, key, now(), freshNonce());
    }

    String key() {
        return key;
    }

    /** The kit sub-path on the production address's origin: {@code scheme://host:port/produceAPI/v2/<name>}. */
    URI syncUri(SyncInterface sync) {
        return URI.create(productionUrl.getScheme() + "://" + productionUrl.getRawAuthority() + sync.path());
    }

    private CompletableFuture<SellerAnswer> send(String request, HttpRequest httpRequest) {
        long start = System.nanoTime();
        return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(request, httpRequest.uri(), error);
                    }
                    return new SellerAnswer(request, response.statusCode(), response.headers(), response.body(),
                            Duration.ofNanos(System.nanoTime() - start));
                });
    }

    /** Waits for an answer sent asynchronously. */
    static SellerAnswer await(CompletableFuture<SellerAnswer> answer) {
        return join("the request", answer);
    }

    private static SellerAnswer join(String request, CompletableFuture<SellerAnswer> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CaseFailure failure) {
                throw failure;
            }
            throw new CaseFailure(request + " failed: " + e.getCause());
        }
    }

    private static CaseFailure failure(String request, URI uri, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CaseFailure failure) {
            return failure;
        }
        if (cause instanceof HttpTimeoutException) {
            return new CaseFailure(request + " got no answer within " + PLATFORM_TIMEOUT.toSeconds()
                    + " s, KooGallery's timeout");
        }
        String where = uri.getScheme() + "://" + uri.getRawAuthority();
        if (cause instanceof ConnectException) {
            return new CaseFailure(request + " could not connect to " + where
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        }
        if (cause instanceof IOException) {
            return new CaseFailure(request + " to " + where + " failed: " + cause);
        }
        return new CaseFailure(request + " failed: " + cause);
    }

    private static URI withQuery(URI base, String query) {
        String text = base.toString();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        return URI.create(text + (text.indexOf('?') >= 0 ? "&" : "?") + query);
    }
}
