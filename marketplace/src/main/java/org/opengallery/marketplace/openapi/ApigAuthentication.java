package org.opengallery.marketplace.openapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.StaleTimestampException;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigVerifier;
import org.opengallery.protocol.apig.SdkDate;
import org.opengallery.protocol.apig.UnknownAccessKeyException;
import org.opengallery.protocol.message.ProtocolJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The marketplace playing Huawei's API gateway in front of the open APIs: verifies an AK/SK
 * ({@code SDK-HMAC-SHA256}) request with {@link ApigVerifier} and the sellers' keys from
 * {@link OpenApiCredentials}, and says which seller sent it.
 *
 * <p>Refusals use the gateway's shape, HTTP 401 {@code {"error_code","error_msg","request_id"}}: {@code APIGW.0303}
 * when {@code X-Sdk-Date} is missing, malformed or more than 15 minutes from now (the spec names 0303 for the
 * window), {@code APIGW.0301} (incorrect authentication information) for everything else — no or malformed
 * {@code Authorization}, unknown AK, signature mismatch — each with its own {@code error_msg}. Messages never
 * contain a key or the expected signature; logs carry the reason and the AK only.
 */
@Component
public class ApigAuthentication {

    static final String AUTH_FAILED = "APIGW.0301";
    static final String DATE_FAILED = "APIGW.0303";
    private static final Logger LOG = LoggerFactory.getLogger(ApigAuthentication.class);

    private final OpenApiCredentials credentials;
    private final Clock clock;
    private final Duration window;

    public ApigAuthentication(OpenApiCredentials credentials, Clock clock,
            @Value("${opengallery.openapi.sdk-date-window:PT15M}") Duration window) {
        this.credentials = credentials;
        this.clock = clock;
        this.window = window;
    }

    /**
     * The seller that signed {@code request}.
     *
     * @throws Refusal with the answer to send when it does not verify
     */
    public String sellerOf(HttpServletRequest request, byte[] body) throws Refusal {
        OpenApiCredentials port = credentials;
        AtomicReference<OpenApiCredential> found = new AtomicReference<>();
        AccessKeys keys = ak -> {
            Optional<OpenApiCredential> credential = port.byAccessKey(ak);
            credential.ifPresent(found::set);
            return credential.map(OpenApiCredential::secretKey);
        };
        ApigVerifier verifier = ApigVerifier.builder(keys).clock(clock).window(window).build();
        try {
            verifier.verify(apigRequest(request, body));
            return found.get().sellerId();
        } catch (MissingSignatureException e) {
            throw refusal(AUTH_FAILED, "Incorrect authentication information: the Authorization header is missing");
        } catch (StaleTimestampException e) {
            throw refusal(DATE_FAILED, "Incorrect authentication information: X-Sdk-Date is more than "
                    + window.toMinutes() + " minutes away from the server time");
        } catch (UnknownAccessKeyException e) {
            LOG.info("open API request with unknown access key {}", e.accessKey());
            throw refusal(AUTH_FAILED, "Incorrect authentication information: the access key is unknown");
        } catch (InvalidSignatureException e) {
            throw refusal(AUTH_FAILED, "Incorrect authentication information: verify the signature (SK, "
                    + "canonical request) failed");
        } catch (InvalidParameterException e) {
            if (SdkDate.HEADER.equalsIgnoreCase(e.parameterName())) {
                throw refusal(DATE_FAILED, "Incorrect authentication information: X-Sdk-Date is missing or not "
                        + "yyyyMMdd'T'HHmmss'Z'");
            }
            throw refusal(AUTH_FAILED, "Incorrect authentication information: " + e.getMessage());
        }
    }

    /** The request exactly as it arrived: method, raw path and query, every header (repeats joined), body. */
    static ApigRequest apigRequest(HttpServletRequest request, byte[] body) {
        String target = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(",", Collections.list(request.getHeaders(name))));
        }
        return ApigRequest.builder(request.getMethod(), URI.create(target)).headers(headers).body(body).build();
    }

    private static Refusal refusal(String code, String message) {
        LOG.debug("open API request refused: {} {}", code, message);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error_code", code);
        answer.put("error_msg", message);
        answer.put("request_id", UUID.randomUUID().toString().replace("-", ""));
        return new Refusal(ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                .body(ProtocolJson.writeBytes(answer)));
    }

    /** A request that did not verify, with the answer to send. */
    public static final class Refusal extends Exception {

        private final transient ResponseEntity<byte[]> answer;

        Refusal(ResponseEntity<byte[]> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        public ResponseEntity<byte[]> answer() {
            return answer;
        }
    }
}
