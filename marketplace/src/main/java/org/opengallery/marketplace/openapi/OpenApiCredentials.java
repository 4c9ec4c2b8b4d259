package org.opengallery.marketplace.openapi;

import java.util.Optional;

/**
 * PORT, implemented beside it by an adapter (seller capability, where AK/SK pairs are kept encrypted at rest): the
 * open-API access key (AK) of a seller → which seller it is and its secret key (SK).
 *
 * <p>Thread-safe; {@code Optional.empty()} (never null) for an unknown or revoked AK. Implemented by
 * {@code OpenApiCredentialsFromSellers}.
 */
@FunctionalInterface
public interface OpenApiCredentials {

    Optional<OpenApiCredential> byAccessKey(String accessKey);
}
