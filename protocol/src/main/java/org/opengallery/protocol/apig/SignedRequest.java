package org.opengallery.protocol.apig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What signing produced: the headers to send, the request with them set, and the intermediate strings.
 *
 * <p>The intermediates are kept because a signature mismatch is only debuggable by comparing canonical requests
 * side by side; the CLI prints them. Immutable and thread-safe; holds no secret.
 */
public final class SignedRequest {

    private final ApigRequest request;
    private final String host;
    private final String sdkDate;
    private final ApigAuthorization authorization;
    private final String canonicalRequest;
    private final String stringToSign;

    SignedRequest(ApigRequest request, String host, String sdkDate, ApigAuthorization authorization,
            String canonicalRequest, String stringToSign) {
        this.request = request;
        this.host = host;
        this.sdkDate = sdkDate;
        this.authorization = authorization;
        this.canonicalRequest = canonicalRequest;
        this.stringToSign = stringToSign;
    }

    /** The request as signed, with {@code Host}, {@code X-Sdk-Date} and {@code Authorization} set. */
    public ApigRequest request() {
        return request;
    }

    /**
     * The three headers to add to the outgoing HTTP request, in this order: {@code Host}, {@code X-Sdk-Date},
     * {@code Authorization}. Clients that set {@code Host} themselves (java.net.http does) may skip it, as long
     * as they send the same value.
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put(SdkDate.HEADER, sdkDate);
        headers.put(ApigAuthorization.HEADER, authorization.toHeaderValue());
        return Collections.unmodifiableMap(headers);
    }

    /** The {@code Host} value that was signed. */
    public String host() {
        return host;
    }

    /** The {@code X-Sdk-Date} value that was signed. */
    public String sdkDate() {
        return sdkDate;
    }

    public ApigAuthorization authorization() {
        return authorization;
    }

    /** The {@code Authorization} header value. */
    public String authorizationHeader() {
        return authorization.toHeaderValue();
    }

    public String canonicalRequest() {
        return canonicalRequest;
    }

    public String stringToSign() {
        return stringToSign;
    }

    /** The signature, 64 lower-case hex digits. */
    public String signature() {
        return authorization.signature();
    }

    @Override
    public String toString() {
        return "SignedRequest[" + request.method() + " " + request.uri() + ", X-Sdk-Date=" + sdkDate
                + ", Authorization=" + authorization.toHeaderValue() + "]";
    }
}
