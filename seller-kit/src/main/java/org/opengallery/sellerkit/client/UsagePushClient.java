package org.opengallery.sellerkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.usage.UsageErrorCode;
import org.opengallery.protocol.message.usage.UsagePushRequest;
import org.opengallery.protocol.message.usage.UsagePushResponse;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode;
import org.opengallery.protocol.message.usage.UsageViolation;
import org.opengallery.protocol.v2.SignatureScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes pay-per-use usage to KooGallery (按需使用量推送(新), {@code POST .../isv/usage-data}).
 *
 * <p>What it takes off the seller's hands:
 * <ul>
 *   <li>Records are checked against the documented rules ({@link UsageRecord#violations()}, plus unique
 *       {@code metering_sn}s within a push) before anything is sent; a bad record fails the whole push with an
 *       {@link IllegalArgumentException} naming every problem, so a push is never half-sent for a local bug.
 *   <li>Records are sent in batches of at most {@value UsagePushRequest#MAX_RECORDS}, each body written once and
 *       signed over its exact bytes: headers {@code signature} ({@link SignatureScheme#USAGE}, the key bound to
 *       the basic interfaces), {@code ts} (epoch ms from the clock), {@code nonce} (a random UUID). With
 *       {@link Builder#apigCredentials} the request is also AK/SK signed, for the reading of the spec in which the
 *       new API sits behind the API gateway too (unconfirmed; off by default).
 *   <li>A batch that gets no verdict — the host unreachable, or a 5xx that is not a definitive rejection — is
 *       tried on the backup host, then retried with backoff up to {@link Builder#maxAttempts}, resending the
 *       same bytes (same records, same {@code metering_sn}, so the platform deduplicates) under a fresh
 *       {@code ts}, {@code nonce} and signature.
 *   <li>Every verdict is reported, never thrown: {@link UsagePushResult} lists per batch the {@code error_code},
 *       {@code error_msg} and per-record errors.
 * </ul>
 *
 * <p>Which 5xx answers are retried: the spec documents HTTP 500 both for a transient {@code MKT.0999} (system
 * error) and for definitive rejections ({@code MKT.0100}, {@code MKT.9001}…{@code MKT.9004}) that resending the
 * same records cannot fix. So a 5xx is retried when its body carries no {@code error_code} (a gateway or proxy
 * failure) or carries {@code MKT.0999}; any other code is the verdict.
 *
 * <p>Immutable and thread-safe. Logs, at debug, the path, batch, attempt, HTTP status and {@code error_code}
 * only; never the key.
 */
public final class UsagePushClient {

    /** The API's path under the endpoint's base URL. */
    public static final String PATH = "/api/mkp-openapi-public/global/v1/isv/usage-data";

    /** Default number of sends per batch, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Default wait before the first retry; it doubles for each further retry. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(UsagePushClient.class);
    private static final ObjectMapper JSON = ProtocolJson.mapper();
    private static final int MAX_PROBLEMS_LISTED = 20;

    private final OpenApiEndpoint endpoint;
    private final String key;
    private final ApigSigner apigSigner;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final int batchSize;
    private final ConnectionSettings connection;
    private final HostFailover failover;

    private UsagePushClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.key = builder.key;
        this.apigSigner = builder.accessKey == null ? null : ApigSigner.of(builder.accessKey, builder.secretKey);
        this.clock = builder.clock;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = builder.backoff;
        this.batchSize = builder.batchSize;
        this.connection = builder.connectionSettings();
        this.failover = new HostFailover(connection.newHttpClient(), endpoint);
    }

    /** Starts a client for {@code endpoint}, e.g. {@link OpenApiEndpoint#CHINA}. */
    public static Builder builder(OpenApiEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Pushes {@code records} in order, in batches, and reports each batch's verdict. An empty list sends nothing.
     * Blocks while retrying; if interrupted, the batch under way and those after it are reported
     * {@link UsageBatchResult.Unconfirmed} and the interrupt flag is kept.
     *
     * @throws IllegalArgumentException before any request, if a record is null, breaks a documented rule or
     *     repeats another's {@code metering_sn}; the message lists each problem as {@code usage_records[i].field}
     */
    public UsagePushResult push(List<UsageRecord> records) {
        Objects.requireNonNull(records, "records");
        validate(records);
        List<List<UsageRecord>> batches = batches(records, batchSize);
        List<UsageBatchResult> results = new ArrayList<>(batches.size());
        boolean interrupted = false;
        for (int index = 0; index < batches.size(); index++) {
            List<UsageRecord> batch = batches.get(index);
            if (interrupted) {
                results.add(new UsageBatchResult.Unconfirmed(index, batch, 0, "not sent: interrupted"));
                continue;
            }
            UsageBatchResult result = send(index, batch);
            interrupted = Thread.currentThread().isInterrupted();
            results.add(result);
        }
        return new UsagePushResult(results);
    }

    /** {@code items} cut, in order, into consecutive lists of {@code size} (the last may be shorter). */
    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }

    private static void validate(List<UsageRecord> records) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstBySn = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord record = records.get(i);
            if (record == null) {
                problems.add("usage_records[" + i + "]: missing (null)");
                continue;
            }
            for (UsageViolation violation : record.violations()) {
                problems.add("usage_records[" + i + "]." + violation.field() + ": " + violation.detail() + " ("
                        + violation.code().code() + ")");
            }
            if (record.meteringSn() != null && !record.meteringSn().isEmpty()) {
                Integer first = firstBySn.putIfAbsent(record.meteringSn(), i);
                if (first != null) {
                    problems.add("usage_records[" + i + "].metering_sn: same as usage_records[" + first + "] ("
                            + UsageRecordErrorCode.Known.DUPLICATE_METERING_SN.code() + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED)));
            String more = problems.size() > MAX_PROBLEMS_LISTED
                    ? "; and " + (problems.size() - MAX_PROBLEMS_LISTED) + " more" : "";
            throw new IllegalArgumentException(
                    problems.size() + " usage record problem(s), nothing was sent: " + listed + more);
        }
    }

    private UsageBatchResult send(int index, List<UsageRecord> batch) {
        byte[] body = ProtocolJson.writeBytes(new UsagePushRequest(batch));
        String lastFailure = "not sent";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            HostFailover.Exchange exchange;
            try {
                if (attempt > 1) {
                    sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 20)));
                }
                exchange = failover.send(base -> request(base, body), this::retriable);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new UsageBatchResult.Unconfirmed(index, batch, attempt - 1,
                        "interrupted; last: " + lastFailure);
            }
            HostFailover.Attempt decisive = exchange.decisive();
            if (decisive instanceof HostFailover.Answered answered) {
                UsagePushResponse response = readResponse(answered.body());
                LOG.debug("usage push POST {} batch {} attempt {} -> HTTP {} {}", PATH, index, attempt,
                        answered.status(), response == null ? null : response.errorCode().code());
                if (!retriable(answered)) {
                    if (response != null) {
                        return new UsageBatchResult.Answered(index, batch, attempt, answered.status(),
                                response.errorCode(), response.errorMsg(),
                                UsageRecordError.readFrom(response.extra()));
                    }
                    return new UsageBatchResult.Unconfirmed(index, batch, attempt, "HTTP " + answered.status()
                            + " with a body that is not a usage-push answer (" + exchange.trail() + ")");
                }
                if (attempt == maxAttempts && response != null) {
                    return new UsageBatchResult.Answered(index, batch, attempt, answered.status(),
                            response.errorCode(), response.errorMsg(), UsageRecordError.readFrom(response.extra()));
                }
            } else {
                LOG.debug("usage push POST {} batch {} attempt {}: no answer", PATH, index, attempt);
            }
            lastFailure = exchange.trail();
        }
        return new UsageBatchResult.Unconfirmed(index, batch, maxAttempts,
                "no verdict after " + maxAttempts + " attempt(s); last: " + lastFailure);
    }

    /** A 5xx without a definitive code: a gateway failure or {@code MKT.0999}; worth the backup and a retry. */
    private boolean retriable(HostFailover.Answered answer) {
        if (answer.status() < 500) {
            return false;
        }
        UsagePushResponse response = readResponse(answer.body());
        return response == null || response.errorCode().code().equals(UsageErrorCode.Known.SYSTEM_ERROR.code());
    }

    /** The answer if the body is a JSON object with an {@code error_code}, else null. */
    private static UsagePushResponse readResponse(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                return null;
            }
            JsonNode code = tree.get("error_code");
            if (code == null || !code.isValueNode() || code.asText().isEmpty()) {
                return null;
            }
            return ProtocolJson.read(tree, UsagePushResponse.class);
        } catch (IOException | InvalidMessageException e) {
            return null;
        }
    }

    /** A fresh {@code ts}, {@code nonce} and signature over the same body bytes. */
    private HttpRequest request(URI base, byte[] body) {
        URI uri = OpenApiEndpoint.resolve(base, PATH, null);
        String ts = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        SignatureScheme scheme = SignatureScheme.USAGE;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(scheme.signatureName(), scheme.sign(key, ts, nonce, body));
        headers.put(scheme.timestampName(), ts);
        headers.put(scheme.nonceName(), nonce);
        if (apigSigner != null) {
            return ApigHttpRequest.of(apigSigner, clock.instant(), "POST", uri, headers, body,
                    connection.requestTimeout());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(connection.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }

    /** Endpoint and retry settings; never the keys. */
    @Override
    public String toString() {
        return "UsagePushClient[endpoint=" + endpoint + ", batchSize=" + batchSize + ", maxAttempts=" + maxAttempts
                + ", backoff=" + backoff + ", " + connection + ", key=<redacted>"
                + (apigSigner == null ? "" : ", accessKey=<redacted>, secretKey=<redacted>") + "]";
    }

    /** Configures a {@link UsagePushClient}; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder extends ConnectionOptions<Builder> {

        private final OpenApiEndpoint endpoint;
        private String key;
        private String accessKey;
        private String secretKey;
        private Clock clock = Clock.systemUTC();
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration backoff = DEFAULT_BACKOFF;
        private int batchSize = UsagePushRequest.MAX_RECORDS;

        private Builder(OpenApiEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** The seller key bound to the basic interfaces (商家密钥), which signs the body. Required. */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** Also AK/SK-sign each request (unconfirmed requirement of the new API; off unless called). */
        public Builder apigCredentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Source of {@code ts} (and of {@code X-Sdk-Date} with AK/SK); the platform checks it against its own. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sends per batch, the first included; 1 means no retry. Default 3, at most 10. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the first retry, doubled for each further one; zero retries at once. Default 1 s. */
        public Builder backoff(Duration backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Records per request, 1 to {@value UsagePushRequest#MAX_RECORDS} (the default). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }




        /**
         * @throws IllegalStateException if the key is missing
         * @throws IllegalArgumentException if a setting is out of range or the AK/SK is malformed
         */
        public UsagePushClient build() {
            if (key == null || key.isEmpty()) {
                throw new IllegalStateException("usage push needs the seller key bound to the basic interfaces: "
                        + "call key(...)");
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 10, got " + maxAttempts);
            }
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
            }
            if (batchSize < 1 || batchSize > UsagePushRequest.MAX_RECORDS) {
                throw new IllegalArgumentException(
                        "batchSize must be 1 to " + UsagePushRequest.MAX_RECORDS + ", got " + batchSize);
            }
            return new UsagePushClient(this);
        }
    }
}
