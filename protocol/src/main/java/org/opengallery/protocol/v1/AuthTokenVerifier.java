package org.opengallery.protocol.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.internal.Hmac;
import org.opengallery.protocol.internal.JsonBodies;
import org.opengallery.protocol.internal.Keys;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.QueryString.Parameter;

/**
 * Verifies V1 requests (GET with the token in the query, or the POST form with a JSON body and the token in
 * an {@code authToken} header) and hands back the parameters as they verified. Immutable and thread-safe.
 *
 * <p>Failures: no token → {@link MissingSignatureException}; no {@code timeStamp} →
 * {@link InvalidParameterException}; a token that matches under no reading → {@link InvalidSignatureException}
 * (result code {@code 000001}). Tokens are compared in constant time.
 *
 * <p>V1 defines no time window for {@code timeStamp}, so none is enforced here.
 */
public final class AuthTokenVerifier {

    private final String key;

    private AuthTokenVerifier(String key) {
        this.key = Keys.requireKey(key, "Key");
    }

    public static AuthTokenVerifier forKey(String key) {
        return new AuthTokenVerifier(key);
    }

    /**
     * Verifies a GET request's raw query string. The query is read with {@code +} as a space first (how
     * KooGallery encodes); if that does not verify and the query contains a {@code +}, the token and the
     * parameters are each also read with {@code +} kept as a plus (see {@link PlusSign}).
     *
     * @return the parameters, decoded under the reading that verified
     */
    public QueryString verifyQuery(String rawQuery) {
        QueryString spaced = QueryString.parse(rawQuery, PlusSign.SPACE);
        String tokenSpaced = spaced.first(AuthToken.PARAMETER)
                .filter(t -> !t.isEmpty())
                .orElseThrow(() -> new MissingSignatureException(AuthToken.PARAMETER));
        requireTimeStamp(spaced.parameters());
        if (matches(tokenSpaced, spaced.parameters())) {
            return spaced;
        }
        if (rawQuery.indexOf('+') >= 0) {
            QueryString literal = QueryString.parse(rawQuery, PlusSign.LITERAL);
            String tokenLiteral = literal.first(AuthToken.PARAMETER).orElse(tokenSpaced);
            Set<String> tokens = new LinkedHashSet<>(List.of(tokenSpaced, tokenLiteral));
            for (QueryString reading : List.of(literal, spaced)) {
                for (String token : tokens) {
                    if (matches(token, reading.parameters())) {
                        return reading;
                    }
                }
            }
        }
        throw new InvalidSignatureException(AuthToken.PARAMETER);
    }

    /**
     * Verifies the POST form: the token from the {@code authToken} header, computed over the JSON body's
     * top-level fields. String values are used as they are, numbers and booleans as their JSON text, nested
     * objects and arrays as their compact JSON; null fields are left out.
     *
     * @return the body's fields as name → value
     */
    public Map<String, String> verifyJsonBody(byte[] body, String authTokenHeader) {
        if (authTokenHeader == null || authTokenHeader.isEmpty()) {
            throw new MissingSignatureException(AuthToken.PARAMETER);
        }
        Map<String, String> fields = jsonFields(body);
        List<Parameter> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new Parameter(name, value)));
        requireTimeStamp(parameters);
        if (!matches(authTokenHeader.trim(), parameters)) {
            throw new InvalidSignatureException(AuthToken.PARAMETER);
        }
        return fields;
    }

    /** The top-level fields of a JSON object body as strings, as {@link #verifyJsonBody} signs them. */
    public static Map<String, String> jsonFields(byte[] body) {
        JsonNode root = JsonBodies.parseObject(body);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return fields;
    }

    private boolean matches(String token, List<Parameter> parameters) {
        return Hmac.constantTimeEquals(AuthToken.compute(key, parameters), token);
    }

    private static void requireTimeStamp(List<Parameter> parameters) {
        boolean present = parameters.stream()
                .anyMatch(p -> p.name().equals(AuthToken.TIME_STAMP) && !p.value().isEmpty());
        if (!present) {
            throw new InvalidParameterException(AuthToken.TIME_STAMP, "missing");
        }
    }

    @Override
    public String toString() {
        return "AuthTokenVerifier[key=<redacted>]";
    }
}
