/**
 * Huawei API Gateway AK/SK request signing ({@code SDK-HMAC-SHA256}), the scheme KooGallery's open APIs (Query
 * Order, usage push) require of sellers, and which OpenGallery's marketplace verifies in their place.
 *
 * <p>Sellers sign with {@link org.opengallery.protocol.apig.ApigSigner}; the marketplace checks with
 * {@link org.opengallery.protocol.apig.ApigVerifier}. Both canonicalise the same
 * {@link org.opengallery.protocol.apig.ApigRequest} the way Huawei's own APIG signer SDK does, so requests signed
 * by either side verify on the other.
 */
package org.opengallery.protocol.apig;
