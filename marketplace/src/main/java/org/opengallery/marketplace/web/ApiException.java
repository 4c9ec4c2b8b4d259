package org.opengallery.marketplace.web;

import org.springframework.http.HttpStatus;

/**
 * A request the JSON API refuses, with the status and the {@code {"error","message"}} body it answers. The error
 * is a stable machine-readable code (e.g. {@code insufficient_balance}); the message says what to do.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    public ApiException(HttpStatus status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " does not exist");
    }

    public static ApiException badRequest(String error, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, error, message);
    }

    public static ApiException conflict(String error, String message) {
        return new ApiException(HttpStatus.CONFLICT, error, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }
}
