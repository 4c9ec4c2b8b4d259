package org.opengallery.protocol.apig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.StaleTimestampException;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;

/**
 * Checks an AK/SK-signed request the way Huawei's API Gateway does in front of KooGallery's open APIs; in
 * OpenGallery the marketplace plays that gateway, so sellers' unchanged code keeps working against it.
 *
 * <p>It recomputes the canonical request from what actually arrived (method, path, query, the headers listed in
 * {@code SignedHeaders}, in that order, and the body bytes), never trusting a client-supplied body hash such as
 * {@code X-Sdk-Content-Sha256}, and compares signatures in constant time. Each way to fail is its own exception,
 * so the caller can log the reason and answer with its {@code resultCode()}:
 * <ul>
 *   <li>no {@code Authorization} header: {@link MissingSignatureException};
 *   <li>a malformed one, or {@code SignedHeaders} lacking {@code host} or {@code x-sdk-date}:
 *       {@link InvalidParameterException} ({@code Authorization});
 *   <li>{@code X-Sdk-Date} missing or malformed: {@link InvalidParameterException} ({@code X-Sdk-Date});
 *   <li>{@code X-Sdk-Date} more than the window away from now, either way: {@link StaleTimestampException};
 *   <li>an access key {@link AccessKeys} does not know: {@link UnknownAccessKeyException};
 *   <li>a signature that does not match: {@link InvalidSignatureException} ({@code Authorization}).
 * </ul>
 * No message contains a secret key or the expected signature.
 *
 * <p>Immutable and thread-safe if its {@link AccessKeys} is.
 */
public final class ApigVerifier {

    /** How far {@code X-Sdk-Date} may be from the verifier's clock, either way: Huawei's gateway allows 15 min. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final AccessKeys accessKeys;
    private final Clock clock;
    private final Duration window;

    private ApigVerifier(Builder builder) {
        this.accessKeys = builder.accessKeys;
        this.clock = builder.clock;
        this.window = builder.window;
    }

    /** A verifier with the system clock and the default 15-minute window. */
    public static ApigVerifier of(AccessKeys accessKeys) {
        return builder(accessKeys).build();
    }

    /** Starts a verifier whose clock and window can be set. */
    public static Builder builder(AccessKeys accessKeys) {
        return new Builder(accessKeys);
    }

    /**
     * Verifies {@code request} and returns the access key it was signed with.
     *
     * @throws MissingSignatureException if it has no {@code Authorization} header
     * @throws InvalidParameterException if {@code Authorization} or {@code X-Sdk-Date} is malformed, or the
     *     signed headers do not include {@code host} and {@code x-sdk-date}
     * @throws StaleTimestampException if {@code X-Sdk-Date} is outside the window around now
     * @throws UnknownAccessKeyException if the access key has no secret key
     * @throws InvalidSignatureException if the signature does not match the request
     */
    public String verify(ApigRequest request) {
        Objects.requireNonNull(request, "request");
        String header = request.header(ApigAuthorization.HEADER)
                .orElseThrow(() -> new MissingSignatureException(ApigAuthorization.HEADER));
        ApigAuthorization authorization = ApigAuthorization.parse(header);
        if (!authorization.signedHeaders().contains("host")
                || !authorization.signedHeaders().contains("x-sdk-date")) {
            throw new InvalidParameterException(ApigAuthorization.HEADER,
                    "SignedHeaders must include host and x-sdk-date");
        }

        String sdkDate = request.header(SdkDate.HEADER).map(String::trim).orElse("");
        if (sdkDate.isEmpty()) {
            throw new InvalidParameterException(SdkDate.HEADER, "missing");
        }
        Instant timestamp = SdkDate.parse(sdkDate);
        Instant now = clock.instant();
        if (timestamp.isBefore(now.minus(window)) || timestamp.isAfter(now.plus(window))) {
            throw new StaleTimestampException(SdkDate.HEADER, timestamp, now, window);
        }

        Optional<String> secretKey = Objects.requireNonNull(accessKeys.secretKey(authorization.accessKey()),
                "AccessKeys returned null instead of Optional.empty()");
        if (secretKey.isEmpty() || secretKey.get().isEmpty()) {
            throw new UnknownAccessKeyException(authorization.accessKey());
        }

        String canonicalRequest = CanonicalRequest.of(request, authorization.signedHeaders());
        String stringToSign = ApigSigner.stringToSign(sdkDate, canonicalRequest);
        byte[] expected = Hmac.utf8(Hex.lower(Hmac.sha256(secretKey.get(), stringToSign)));
        if (!Hmac.constantTimeEquals(expected, Hmac.utf8(authorization.signature()))) {
            throw new InvalidSignatureException(ApigAuthorization.HEADER);
        }
        return authorization.accessKey();
    }

    public Duration window() {
        return window;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ApigVerifier[window=" + window + ", clock=" + clock + ", accessKeys=" + accessKeys + "]";
    }

    /** Configures a verifier; {@link #build()} checks the settings. Not thread-safe. */
    public static final class Builder {

        private final AccessKeys accessKeys;
        private Clock clock = Clock.systemUTC();
        private Duration window = DEFAULT_WINDOW;

        private Builder(AccessKeys accessKeys) {
            this.accessKeys = Objects.requireNonNull(accessKeys, "accessKeys");
        }

        /** The clock "now" is read from; fix it in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far {@code X-Sdk-Date} may be from now, either way (inclusive). Default 15 minutes. */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the window is negative
         */
        public ApigVerifier build() {
            if (window.isNegative()) {
                throw new IllegalArgumentException("window must not be negative: " + window);
            }
            return new ApigVerifier(this);
        }
    }
}
