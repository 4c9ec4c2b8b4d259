package org.opengallery.sellerkit.client;

import java.util.OptionalInt;
import org.opengallery.protocol.message.oauth.TokenError;

/**
 * The auth centre refused an OAuth call ({@code 400}/{@code 401} with {@code error} and
 * {@code error_description}), answered something unreadable, or could not be reached. {@link #error()} tells a
 * user who must log in again ({@code invalid_grant}, {@code unauthorized}) from an outage (no error, no status).
 * Messages never hold a code, token or secret.
 */
public class OAuthException extends RuntimeException {

    private final int httpStatus;
    private final String error;
    private final String errorDescription;

    /** An answer from the auth centre: its HTTP status and, if it sent them, {@code error}/{@code error_description}. */
    public OAuthException(String message, int httpStatus, String error, String errorDescription) {
        super(message);
        this.httpStatus = httpStatus;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** No answer, or one that could not be read. */
    public OAuthException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.error = null;
        this.errorDescription = null;
    }

    /** The HTTP status of the answer; empty when there was none. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The OAuth {@code error}, e.g. {@code invalid_grant} or {@code unauthorized}; null when there was none. */
    public String error() {
        return error;
    }

    /** The {@code error_description}, e.g. "Invalid authorization code"; null when there was none. */
    public String errorDescription() {
        return errorDescription;
    }

    /** Whether the code or refresh token was bad, used or expired: send the user through login again. */
    public boolean isInvalidGrant() {
        return TokenError.INVALID_GRANT.equals(error);
    }
}
