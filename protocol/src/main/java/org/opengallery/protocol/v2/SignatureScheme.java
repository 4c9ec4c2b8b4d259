package org.opengallery.protocol.v2;

import java.util.Base64;
import java.util.Locale;
import org.opengallery.protocol.internal.Hex;
import org.opengallery.protocol.internal.Hmac;
import org.opengallery.protocol.internal.Keys;

/**
 * The three timestamp-and-nonce signatures of the V2 protocol, all HMAC-SHA256 under one seller key. Each
 * knows where its three values travel and which variants of its MAC a verifier accepts; the first variant is
 * the one signers produce.
 */
public enum SignatureScheme {

    /**
     * Basic interfaces ({@code newInstance} …), URL parameters {@code signature}, {@code timestamp},
     * {@code nonce}: {@code hex(HMAC(key, key + nonce + timestamp + lowerhex(HMAC(key, payload))))}. Signed
     * in upper-case hex as in every example of the spec; compared case-insensitively.
     */
    URL("signature", "timestamp", "nonce") {
        @Override
        String sign(String key, String timestamp, String nonce, String payload) {
            return Hex.upper(withInnerHmac(key, timestamp, nonce, payload));
        }

        @Override
        boolean accepts(String key, String timestamp, String nonce, String payload, String signature) {
            return hexEquals(withInnerHmac(key, timestamp, nonce, payload), signature);
        }
    },

    /**
     * Joint-operation kit sync interfaces, headers {@code x-sign}, {@code x-timestamp}, {@code x-nonce}. The
     * documentation says "same as the basic interfaces" (inner HMAC of the payload) while Huawei's sample
     * signs {@code key + nonce + timestamp + payload} directly; which one production uses is unconfirmed, so
     * both verify and signing uses the documented inner-HMAC form.
     */
    KIT("x-sign", "x-timestamp", "x-nonce") {
        @Override
        String sign(String key, String timestamp, String nonce, String payload) {
            return Hex.upper(withInnerHmac(key, timestamp, nonce, payload));
        }

        @Override
        boolean accepts(String key, String timestamp, String nonce, String payload, String signature) {
            return hexEquals(withInnerHmac(key, timestamp, nonce, payload), signature)
                    || hexEquals(Hmac.sha256(key, key + nonce + timestamp + payload), signature);
        }
    },

    /**
     * Seller → platform usage push, headers {@code signature}, {@code ts}, {@code nonce}:
     * {@code Base64(HMAC(key, "ts={ts}&nonce={nonce}&body={body}"))}.
     */
    USAGE("signature", "ts", "nonce") {
        @Override
        String sign(String key, String timestamp, String nonce, String payload) {
            return Base64.getEncoder().encodeToString(usageMac(key, timestamp, nonce, payload));
        }

        @Override
        boolean accepts(String key, String timestamp, String nonce, String payload, String signature) {
            return Hmac.constantTimeEquals(sign(key, timestamp, nonce, payload), signature);
        }
    };

    private final String signatureName;
    private final String timestampName;
    private final String nonceName;

    SignatureScheme(String signatureName, String timestampName, String nonceName) {
        this.signatureName = signatureName;
        this.timestampName = timestampName;
        this.nonceName = nonceName;
    }

    /** The URL parameter or header carrying the signature. */
    public String signatureName() {
        return signatureName;
    }

    /** The URL parameter or header carrying the UNIX time in milliseconds. */
    public String timestampName() {
        return timestampName;
    }

    /** The URL parameter or header carrying the nonce. */
    public String nonceName() {
        return nonceName;
    }

    /**
     * The signature of a request body as sent. The basic and kit schemes sign its {@link CanonicalPayload};
     * usage push signs the body text exactly as sent (the spec's "sorted naturally" is honoured by verifiers,
     * which also accept the canonical form).
     */
    public String sign(String key, String timestamp, String nonce, byte[] body) {
        String payload = this == USAGE ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
                : CanonicalPayload.of(body);
        return signPayload(key, timestamp, nonce, payload);
    }

    /** The signature of an already-built payload (canonical JSON, or the body text for usage push). */
    public String signPayload(String key, String timestamp, String nonce, String payload) {
        Keys.requireKey(key, "signing key");
        return sign(key, timestamp, nonce, payload);
    }

    abstract String sign(String key, String timestamp, String nonce, String payload);

    abstract boolean accepts(String key, String timestamp, String nonce, String payload, String signature);

    private static byte[] withInnerHmac(String key, String timestamp, String nonce, String payload) {
        String inner = Hex.lower(Hmac.sha256(key, payload));
        return Hmac.sha256(key, key + nonce + timestamp + inner);
    }

    private static byte[] usageMac(String key, String timestamp, String nonce, String body) {
        return Hmac.sha256(key, "ts=" + timestamp + "&nonce=" + nonce + "&body=" + body);
    }

    private static boolean hexEquals(byte[] mac, String signature) {
        return Hmac.constantTimeEquals(Hex.lower(mac), signature.toLowerCase(Locale.ROOT));
    }
}
