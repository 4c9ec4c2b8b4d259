package org.opengallery.sellerkit.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sends one logical request to an {@link OpenApiEndpoint}: to the primary and, when that could not be reached or
 * gave a transient answer, once to the backup. The request is rebuilt per host so each carries its own host,
 * date and signature.
 */
final class HostFailover {

    /** What one host did with the request. */
    sealed interface Attempt permits Answered, Unreachable {
        URI base();

        /** One line for an error message: host and status or failure, nothing from the request. */
        String describe();
    }

    /** The host answered, with any status. */
    record Answered(URI base, int status, byte[] body) implements Attempt {
        @Override
        public String describe() {
            return base.getHost() + " answered HTTP " + status;
        }
    }

    /** No answer: refused, timed out, TLS failed, connection dropped. */
    record Unreachable(URI base, IOException cause) implements Attempt {
        @Override
        public String describe() {
            return base.getHost() + " unreachable (" + reason(cause) + ")";
        }
    }

    /** The attempts made, primary first. */
    record Exchange(List<Attempt> attempts) {

        Exchange {
            attempts = List.copyOf(attempts);
        }

        /** The attempt that decides the outcome: the last that got an answer, else the last made. */
        Attempt decisive() {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i) instanceof Answered) {
                    return attempts.get(i);
                }
            }
            return attempts.get(attempts.size() - 1);
        }

        /** Every attempt, for an error message: {@code a.example answered HTTP 503; b.example unreachable (...)}. */
        String trail() {
            List<String> parts = new ArrayList<>();
            for (Attempt attempt : attempts) {
                parts.add(attempt.describe());
            }
            return String.join("; ", parts);
        }
    }

    private final HttpClient http;
    private final OpenApiEndpoint endpoint;

    HostFailover(HttpClient http, OpenApiEndpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /**
     * Sends {@code requestFor(base)} to each base in turn, going on to the backup only while the attempt so far
     * was unreachable or an answer {@code transientAnswer} accepts.
     */
    Exchange send(Function<URI, HttpRequest> requestFor, Predicate<Answered> transientAnswer)
            throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>(2);
        for (URI base : endpoint.bases()) {
            Attempt attempt = sendOnce(base, requestFor.apply(base));
            attempts.add(attempt);
            if (attempt instanceof Answered answered && !transientAnswer.test(answered)) {
                break;
            }
        }
        return new Exchange(attempts);
    }

    private Attempt sendOnce(URI base, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answered(base, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Unreachable(base, e);
        }
    }

    /** The exception's own text, or its type when it has none (the JDK's timeouts often have none). */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
