package org.opengallery.marketplace.delivery;

/** The id of one durable production-interface call. */
public record CallId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
