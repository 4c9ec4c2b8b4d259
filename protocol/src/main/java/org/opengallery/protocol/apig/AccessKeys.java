package org.opengallery.protocol.apig;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the verifier finds the secret key (SK) for an access key (AK).
 *
 * <p>An interface, not a map, because the marketplace keeps sellers' keys in its database (and may rotate or
 * revoke them) while tests and the CLI keep one pair in memory. Implementations must be thread-safe, as one
 * verifier serves concurrent requests. An empty result, or an empty secret, means "no such key": the verifier
 * then answers with {@link UnknownAccessKeyException}, never with a signature computed under an empty key.
 */
@FunctionalInterface
public interface AccessKeys {

    /** The secret key of {@code accessKey}, or empty if there is none. Never null. */
    Optional<String> secretKey(String accessKey);

    /** Exactly one key pair; what a seller's own tools and tests need. */
    static AccessKeys of(String accessKey, String secretKey) {
        return of(Map.of(accessKey, secretKey));
    }

    /** A fixed set of key pairs, copied. */
    static AccessKeys of(Map<String, String> secretKeysByAccessKey) {
        Map<String, String> copy = Map.copyOf(secretKeysByAccessKey);
        return new AccessKeys() {
            @Override
            public Optional<String> secretKey(String accessKey) {
                return Optional.ofNullable(copy.get(Objects.requireNonNull(accessKey, "accessKey")));
            }

            @Override
            public String toString() {
                return "AccessKeys" + copy.keySet();
            }
        };
    }
}
