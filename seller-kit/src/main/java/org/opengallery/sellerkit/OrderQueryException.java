package org.opengallery.sellerkit;

/**
 * Query Order failed: the platform answered an error code, or could not be reached. Carries the platform's
 * result code (or null when there was no answer) so a caller can tell "no such order" from "try again".
 */
public class OrderQueryException extends RuntimeException {

    private final String resultCode;

    public OrderQueryException(String message, String resultCode) {
        super(message);
        this.resultCode = resultCode;
    }

    public OrderQueryException(String message, Throwable cause) {
        super(message, cause);
        this.resultCode = null;
    }

    /** The platform's result code, or null when it never answered. */
    public String resultCode() {
        return resultCode;
    }
}
