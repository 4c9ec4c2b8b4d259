package org.opengallery.protocol.apig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.MissingSignatureException;

/**
 * The {@code Authorization} header of an AK/SK-signed request:
 * {@code SDK-HMAC-SHA256 Access={AK}, SignedHeaders={a;b;c}, Signature={hex}}.
 *
 * <p>A value of its own so that parsing, with its tolerance of spacing and its strictness about content, lives
 * in one place the verifier, the CLI and tests share, and so that a malformed header fails with a reason before
 * any key is looked up. The parser accepts any whitespace after the algorithm name and around {@code ,} and
 * {@code =}, parameter names in any case and order; it rejects unknown, repeated or empty parameters, a
 * signature that is not 64 hex digits, and a malformed {@code SignedHeaders} list. Header names are kept
 * lower-cased and in the order given; the signature lower-cased.
 *
 * <p>Immutable and thread-safe. Holds nothing secret: the access key is an identifier and the signature is
 * public once sent.
 */
public final class ApigAuthorization {

    /** The only algorithm this package signs and verifies. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    static final String HEADER = "Authorization";

    private static final Pattern ACCESS_KEY = Pattern.compile("[\\x21-\\x7E&&[^,;=]]{1,256}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    private final String accessKey;
    private final List<String> signedHeaders;
    private final String signature;

    private ApigAuthorization(String accessKey, List<String> signedHeaders, String signature) {
        this.accessKey = accessKey;
        this.signedHeaders = List.copyOf(signedHeaders);
        this.signature = signature;
    }

    /**
     * Builds the header for a signature just computed.
     *
     * @throws IllegalArgumentException if any part is not what the header format allows
     */
    public static ApigAuthorization of(String accessKey, List<String> signedHeaders, String signature) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(signedHeaders, "signedHeaders");
        Objects.requireNonNull(signature, "signature");
        List<String> names = new ArrayList<>(signedHeaders.size());
        for (String name : signedHeaders) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        String problem = problemWithAccessKey(accessKey);
        if (problem == null) {
            problem = problemWithSignedHeaders(names);
        }
        if (problem == null) {
            problem = problemWithSignature(signature.toLowerCase(Locale.ROOT));
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new ApigAuthorization(accessKey, names, signature.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses an {@code Authorization} header value.
     *
     * @throws MissingSignatureException if {@code header} is null or blank
     * @throws InvalidParameterException (parameter {@code Authorization}) if it is not a well-formed
     *     {@code SDK-HMAC-SHA256} header
     */
    public static ApigAuthorization parse(String header) {
        if (header == null || header.isBlank()) {
            throw new MissingSignatureException(HEADER);
        }
        String text = header.strip();
        int space = indexOfWhitespace(text);
        if (space < 0) {
            throw invalid("expected '" + ALGORITHM + " Access=..., SignedHeaders=..., Signature=...'");
        }
        if (!ALGORITHM.equals(text.substring(0, space))) {
            throw invalid("unsupported algorithm, expected " + ALGORITHM);
        }
        String accessKey = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : text.substring(space).split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw invalid("expected name=value parameters separated by commas");
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "access":
                    accessKey = once(accessKey, value, "Access");
                    break;
                case "signedheaders":
                    signedHeaders = once(signedHeaders, value, "SignedHeaders");
                    break;
                case "signature":
                    signature = once(signature, value, "Signature");
                    break;
                default:
                    throw invalid("unknown parameter, expected Access, SignedHeaders and Signature");
            }
        }
        if (accessKey == null || signedHeaders == null || signature == null) {
            throw invalid("Access, SignedHeaders and Signature are all required");
        }
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";", -1)) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        String lowerSignature = signature.toLowerCase(Locale.ROOT);
        String problem = problemWithAccessKey(accessKey);
        if (problem == null) {
            problem = problemWithSignedHeaders(names);
        }
        if (problem == null) {
            problem = problemWithSignature(lowerSignature);
        }
        if (problem != null) {
            throw invalid(problem);
        }
        return new ApigAuthorization(accessKey, names, lowerSignature);
    }

    /** The access key (AK) that names the secret key the request was signed with. */
    public String accessKey() {
        return accessKey;
    }

    /** The signed header names, lower case, in the order the header lists them (the signer sorts them). */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    /** {@link #signedHeaders()} joined with {@code ;}, as it appears in the canonical request. */
    public String signedHeadersValue() {
        return String.join(";", signedHeaders);
    }

    /** The signature, 64 lower-case hex digits. */
    public String signature() {
        return signature;
    }

    /** The header value in the exact form Huawei's signer writes it. */
    public String toHeaderValue() {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeadersValue() + ", Signature="
                + signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApigAuthorization other && accessKey.equals(other.accessKey)
                && signedHeaders.equals(other.signedHeaders) && signature.equals(other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, signedHeaders, signature);
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }

    /** Rejects, with {@code IllegalArgumentException}, an access key the header could not carry. */
    static void requireValidAccessKey(String accessKey) {
        String problem = problemWithAccessKey(accessKey);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String once(String previous, String value, String name) {
        if (previous != null) {
            throw invalid(name + " appears more than once");
        }
        if (value.isEmpty()) {
            throw invalid(name + " is empty");
        }
        return value;
    }

    private static String problemWithAccessKey(String accessKey) {
        return ACCESS_KEY.matcher(accessKey).matches()
                ? null
                : "Access must be 1 to 256 visible ASCII characters without ',', ';' or '='";
    }

    private static String problemWithSignedHeaders(List<String> names) {
        if (names.isEmpty()) {
            return "SignedHeaders is empty";
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!HEADER_NAME.matcher(name).matches()) {
                return "SignedHeaders must be HTTP header names separated by ';'";
            }
            if (!seen.add(name)) {
                return "SignedHeaders lists a header twice";
            }
        }
        return null;
    }

    private static String problemWithSignature(String signature) {
        return SIGNATURE.matcher(signature).matches() ? null : "Signature must be 64 hex digits";
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidParameterException invalid(String reason) {
        return new InvalidParameterException(HEADER, reason);
    }
}
