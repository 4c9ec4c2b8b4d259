package org.opengallery.protocol.v1;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.internal.Hmac;
import org.opengallery.protocol.internal.Keys;

/**
 * The V1 response signature header:
 * {@code Body-Sign: sign_type="HMAC-SHA256", signature= "<Base64(HMAC-SHA256(Key, exact body bytes))>"}.
 * The key is the Key alone (no timeStamp) and the MAC covers the exact bytes sent, whitespace included, so a
 * responder must sign the serialised bytes and then send those same bytes.
 *
 * @param signType  the {@code sign_type} value; only {@code HMAC-SHA256} is defined
 * @param signature the Base64 MAC
 */
public record BodySign(String signType, String signature) {

    /** The header's name. */
    public static final String HEADER = "Body-Sign";
    /** The only sign type the protocol defines. */
    public static final String HMAC_SHA256 = "HMAC-SHA256";

    // name = "value" pairs separated by commas, any whitespace around '=', ',' and the quotes.
    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"\\s*(,|$)");

    /** Signs the exact bytes of a response body. */
    public static BodySign sign(String key, byte[] body) {
        Keys.requireKey(key, "Key");
        return new BodySign(HMAC_SHA256, Base64.getEncoder().encodeToString(Hmac.sha256(Hmac.utf8(key), body)));
    }

    /**
     * Parses a header value, tolerating the spacing variants seen in the wild: with and without a space after
     * {@code signature=} and after the comma, and extra whitespace around {@code =}.
     */
    public static BodySign parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new MissingSignatureException(HEADER);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(headerValue);
        int end = 0;
        while (m.find() && m.start() == end) {
            pairs.put(m.group(1), m.group(2));
            end = m.end();
        }
        if (end != headerValue.length()) {
            throw new InvalidParameterException(HEADER,
                    "expected sign_type=\"HMAC-SHA256\", signature=\"<Base64>\", got: " + headerValue);
        }
        String signType = pairs.get("sign_type");
        String signature = pairs.get("signature");
        if (signType == null || signature == null) {
            throw new InvalidParameterException(HEADER, "needs both sign_type and signature, got: " + headerValue);
        }
        return new BodySign(signType, signature);
    }

    /**
     * Checks a received header against the exact body bytes received.
     *
     * @throws MissingSignatureException no header
     * @throws InvalidParameterException a header we cannot parse or an unknown sign type
     * @throws InvalidSignatureException the MAC does not match the body
     */
    public static void verify(String key, byte[] body, String headerValue) {
        BodySign received = parse(headerValue);
        if (!HMAC_SHA256.equals(received.signType())) {
            throw new InvalidParameterException(HEADER, "unsupported sign_type " + received.signType());
        }
        if (!Hmac.constantTimeEquals(sign(key, body).signature(), received.signature())) {
            throw new InvalidSignatureException(HEADER);
        }
    }

    /** The header value in the documented form, with a space after {@code signature=}. */
    public String headerValue() {
        return "sign_type=\"" + signType + "\", signature= \"" + signature + "\"";
    }
}
