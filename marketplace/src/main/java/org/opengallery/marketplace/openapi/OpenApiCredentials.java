package org.opengallery.marketplace.openapi;

import java.util.Optional;

/**
 * PORT, implemented by the integrator (seller capability, where AK/SK pairs are kept encrypted at rest): the
 * open-API access key (AK) of a seller → which seller it is and its secret key (SK).
 *
 * <p>Thread-safe; {@code Optional.empty()} (never null) for an unknown or revoked AK. Until an implementation
 * exists, the open APIs answer {@code MKT.0999} (not configured).
 */
@FunctionalInterface
public interface OpenApiCredentials {

    Optional<OpenApiCredential> byAccessKey(String accessKey);
}
