package org.opengallery.protocol.v1;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.internal.Hmac;
import org.opengallery.protocol.internal.Keys;
import org.opengallery.protocol.QueryString.Parameter;

/**
 * The V1 request token: {@code authToken = Base64(HMAC-SHA256(key = Key + timeStamp, data = joined))}, where
 * {@code joined} is every parameter except {@code authToken}, sorted by name in Java {@code String} order
 * (stably, so repeated names keep their order), written {@code name=value} and joined with {@code &}. Values
 * are the once-decoded values, never re-encoded. Every parameter present is signed, including ones we do not
 * know: the platform adds parameters over time.
 *
 * <p>Use {@link AuthTokenVerifier} to check a request; this class computes.
 */
public final class AuthToken {

    /** The parameter (GET) or header (POST form) carrying the token. */
    public static final String PARAMETER = "authToken";
    /** The parameter carrying the request time, {@code yyyyMMddHHmmssSSS} UTC; part of the HMAC key. */
    public static final String TIME_STAMP = "timeStamp";

    private AuthToken() {
    }

    /** The string the token signs: the parameters other than {@code authToken}, sorted and joined. */
    public static String signedContent(List<Parameter> parameters) {
        List<Parameter> sorted = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.name().equals(PARAMETER)) {
                sorted.add(p);
            }
        }
        sorted.sort(Comparator.comparing(Parameter::name));
        StringBuilder joined = new StringBuilder();
        for (Parameter p : sorted) {
            if (joined.length() > 0) {
                joined.append('&');
            }
            joined.append(p.name()).append('=').append(p.value());
        }
        return joined.toString();
    }

    /** The token for these decoded parameters; they must include {@code timeStamp}. */
    public static String compute(String key, List<Parameter> parameters) {
        Keys.requireKey(key, "Key");
        String timeStamp = parameters.stream()
                .filter(p -> p.name().equals(TIME_STAMP))
                .map(Parameter::value)
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(TIME_STAMP, "missing"));
        byte[] mac = Hmac.sha256(key + timeStamp, signedContent(parameters));
        return Base64.getEncoder().encodeToString(mac);
    }

    /** The token for parameters given as a map (iteration order does not matter: they are sorted). */
    public static String compute(String key, Map<String, String> parameters) {
        List<Parameter> list = new ArrayList<>();
        parameters.forEach((name, value) -> list.add(new Parameter(name, value)));
        return compute(key, list);
    }
}
