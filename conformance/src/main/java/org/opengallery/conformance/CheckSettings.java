package org.opengallery.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What to check and how: the seller's production address and key, the protocol version, whether to check the
 * joint-operation sync interfaces too, and how long to wait for an asynchronous create to deliver.
 *
 * @param productionUrl       the seller's production address, e.g. {@code https://isv.example/saasproduce}
 * @param accessKey           the key bound to the seller's interfaces: V2 basic and kit signatures, V1 authToken,
 *                            Body-Sign and credentials, usage-push signatures
 * @param kitPublicKey        the seller's app-credential public key for {@code applicationSync}, or null to skip it
 * @param provisioningTimeout how long to poll {@code queryInstance} for an instance's appInfo
 */
public record CheckSettings(URI productionUrl, String accessKey, Protocol protocol, boolean kit,
        SellerPublicKey kitPublicKey, Duration provisioningTimeout) {

    /** How long the checker waits, by default, for an asynchronous create to deliver. */
    public static final Duration DEFAULT_PROVISIONING_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @throws IllegalArgumentException with a one-line reason for an address that is not an absolute http(s) URL
     *     with a host, an empty key or a non-positive timeout
     */
    public CheckSettings {
        Objects.requireNonNull(productionUrl, "productionUrl");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(provisioningTimeout, "provisioningTimeout");
        String scheme = productionUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || productionUrl.getHost() == null) {
            throw new IllegalArgumentException("the production address must be an http:// or https:// URL with a host,"
                    + " got '" + productionUrl + "'");
        }
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("the access key must not be empty");
        }
        if (provisioningTimeout.isNegative() || provisioningTimeout.isZero()) {
            throw new IllegalArgumentException("the provisioning timeout must be positive, got " + provisioningTimeout);
        }
    }

    /** V2, no kit sync, the default provisioning timeout. */
    public static CheckSettings of(URI productionUrl, String accessKey) {
        return new CheckSettings(productionUrl, accessKey, Protocol.V2, false, null, DEFAULT_PROVISIONING_TIMEOUT);
    }

    public CheckSettings withProtocol(Protocol protocol) {
        return new CheckSettings(productionUrl, accessKey, protocol, kit, kitPublicKey, provisioningTimeout);
    }

    /** Also checks the joint-operation sync interfaces; {@code publicKey} may be null (applicationSync skipped). */
    public CheckSettings withKit(SellerPublicKey publicKey) {
        return new CheckSettings(productionUrl, accessKey, protocol, true, publicKey, provisioningTimeout);
    }

    public CheckSettings withProvisioningTimeout(Duration timeout) {
        return new CheckSettings(productionUrl, accessKey, protocol, kit, kitPublicKey, timeout);
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "CheckSettings[" + productionUrl + ", key=<redacted>, " + protocol + (kit ? ", kit" : "")
                + ", provisioningTimeout=" + provisioningTimeout + "]";
    }
}
