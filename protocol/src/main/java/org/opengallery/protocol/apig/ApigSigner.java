package org.opengallery.protocol.apig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;

/**
 * Signs requests to KooGallery's open APIs with a seller's AK/SK, as Huawei's APIG signer SDK does
 * ({@code SDK-HMAC-SHA256}).
 *
 * <p>Exists so that sellers (and the marketplace's own test clients) need not pull in Huawei's SDK and its HTTP
 * stack: signing is pure computation over an {@link ApigRequest}. The algorithm:
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
 *                    hex(SHA-256(body))
 * StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(SHA-256(CanonicalRequest))
 * Signature        = hex(HMAC-SHA256(SK, StringToSign))
 * </pre>
 * The signer signs every header of the request (except {@code Authorization}) plus {@code host} and
 * {@code x-sdk-date}, so put into the {@link ApigRequest} only headers that travel unchanged. The intermediate
 * steps are public static methods because the CLI prints them when a signature does not match.
 *
 * <p>Immutable and thread-safe. The secret key is copied on creation and never printed.
 */
public final class ApigSigner {

    private final String accessKey;
    private final byte[] secretKey;
    private final Clock clock;

    private ApigSigner(String accessKey, byte[] secretKey, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /**
     * A signer for one key pair, dating requests by the system clock.
     *
     * @throws IllegalArgumentException if the access key is not a valid {@code Access} value or the secret key is
     *     empty (HMAC would accept it, but no real key is)
     */
    public static ApigSigner of(String accessKey, String secretKey) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        ApigAuthorization.requireValidAccessKey(accessKey);
        if (secretKey.isEmpty()) {
            throw new IllegalArgumentException("secret key is empty");
        }
        return new ApigSigner(accessKey, secretKey.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    }

    /** The same signer, dating requests by {@code clock}; for tests and replays. */
    public ApigSigner withClock(Clock clock) {
        return new ApigSigner(accessKey, secretKey, Objects.requireNonNull(clock, "clock"));
    }

    public String accessKey() {
        return accessKey;
    }

    /** Signs {@code request} as of now, by this signer's clock. */
    public SignedRequest sign(ApigRequest request) {
        return sign(request, clock.instant());
    }

    /**
     * Signs {@code request} as of {@code date} (sub-seconds dropped). Sets {@code X-Sdk-Date} to {@code date}
     * (replacing any), {@code Host} to {@link ApigRequest#host()} and {@code Authorization} to the new signature.
     *
     * @throws IllegalArgumentException if the request has no host: give an absolute URI or a {@code Host} header
     */
    public SignedRequest sign(ApigRequest request, Instant date) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(date, "date");
        String host = request.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("request has no host: give an absolute URI or a Host header");
        }
        String sdkDate = formatDate(date);
        ApigRequest prepared = request.toBuilder()
                .removeHeader(ApigAuthorization.HEADER)
                .header("Host", host)
                .header(SdkDate.HEADER, sdkDate)
                .build();
        List<String> signedHeaders = signedHeaders(prepared);
        String canonicalRequest = CanonicalRequest.of(prepared, signedHeaders);
        String stringToSign = stringToSign(sdkDate, canonicalRequest);
        String signature = Hex.lower(Hmac.sha256(secretKey, Hmac.utf8(stringToSign)));
        ApigAuthorization authorization = ApigAuthorization.of(accessKey, signedHeaders, signature);
        ApigRequest signed = prepared.toBuilder()
                .header(ApigAuthorization.HEADER, authorization.toHeaderValue())
                .build();
        return new SignedRequest(signed, host, sdkDate, authorization, canonicalRequest, stringToSign);
    }

    /**
     * The header names {@link #sign} signs for {@code request}: all of its headers but {@code Authorization},
     * plus {@code host} and {@code x-sdk-date}, lower case and sorted.
     */
    public static List<String> signedHeaders(ApigRequest request) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : request.headers().keySet()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        names.remove("authorization");
        names.add("host");
        names.add("x-sdk-date");
        return List.copyOf(names);
    }

    /**
     * The canonical request of {@code request} covering {@code signedHeaders} in the given order (names are
     * lower-cased). Canonical URI: the decoded path re-encoded per segment (RFC 3986), ending in {@code /}.
     * Query: names and values RFC 3986-encoded ({@code %20} for a space, {@code ~} kept), sorted by name then
     * value, a missing value as {@code name=}. Headers: {@code name:trimmed-value} lines; {@code host} is
     * {@link ApigRequest#host()}.
     */
    public static String canonicalRequest(ApigRequest request, List<String> signedHeaders) {
        return CanonicalRequest.of(Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(signedHeaders, "signedHeaders"));
    }

    /** {@code "SDK-HMAC-SHA256" \n sdkDate \n hex(SHA-256(canonicalRequest))}. */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        Objects.requireNonNull(sdkDate, "sdkDate");
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        return ApigAuthorization.ALGORITHM + "\n" + sdkDate + "\n"
                + Hex.lower(Hmac.digest(Hmac.utf8(canonicalRequest)));
    }

    /**
     * {@code hex(HMAC-SHA256(secretKey, stringToSign))}, both taken as UTF-8.
     *
     * @throws IllegalArgumentException if the secret key is empty
     */
    public static String signature(String secretKey, String stringToSign) {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(stringToSign, "stringToSign");
        if (secretKey.isEmpty()) {
            throw new IllegalArgumentException("secret key is empty");
        }
        return Hex.lower(Hmac.sha256(secretKey, stringToSign));
    }

    /** {@code date} in {@code X-Sdk-Date} form, {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
    public static String formatDate(Instant date) {
        return SdkDate.format(Objects.requireNonNull(date, "date"));
    }

    /** Names the access key only. */
    @Override
    public String toString() {
        return "ApigSigner[accessKey=" + accessKey + ", secretKey=<redacted>]";
    }
}
