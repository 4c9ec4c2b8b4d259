package org.opengallery.conformance;

/** Which version of the basic interfaces the seller's production address speaks. */
public enum Protocol {
    /** V1.0 (retired for new listings, still live for older products): GET with {@code authToken}, Body-Sign answers. */
    V1,
    /** V2.0: POST JSON with {@code signature}/{@code timestamp}/{@code nonce} in the URL. */
    V2
}
