package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A seller's answer to the platform (or the platform's answer to a seller's Query Order): a {@code
 * resultCode} and an optional {@code resultMsg}, plus whatever the specific answer carries.
 */
public interface Response extends Message {

    /** The result code; null only if a received answer lacked it. */
    ResultCode resultCode();

    /** Free text for humans, up to 255 characters in the seller answers. */
    String resultMsg();

    /** Whether the answer reports success ({@code 000000}). */
    @JsonIgnore
    default boolean isSuccess() {
        return resultCode() != null && resultCode().isSuccess();
    }
}
