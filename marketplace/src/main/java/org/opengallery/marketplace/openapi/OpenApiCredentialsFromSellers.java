package org.opengallery.marketplace.openapi;

import java.util.Optional;
import org.opengallery.marketplace.seller.Sellers;
import org.springframework.stereotype.Component;

/** The open APIs' AK lookup, answered by the seller capability (where AK/SK pairs are kept sealed). */
@Component
class OpenApiCredentialsFromSellers implements OpenApiCredentials {

    private final Sellers sellers;

    OpenApiCredentialsFromSellers(Sellers sellers) {
        this.sellers = sellers;
    }

    @Override
    public Optional<OpenApiCredential> byAccessKey(String accessKey) {
        return sellers.openApiSecret(accessKey)
                .map(s -> new OpenApiCredential(Long.toString(s.sellerId()), s.secretKey()));
    }
}
