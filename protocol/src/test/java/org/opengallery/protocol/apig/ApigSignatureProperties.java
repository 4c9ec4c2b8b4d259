package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.opengallery.protocol.InvalidSignatureException;

/**
 * Sign-then-verify over arbitrary requests, and every single change to what is signed breaks the signature. The
 * verifier sees what an HTTP server would: the request target, the headers as sent and the body.
 */
class ApigSignatureProperties {

    private static final String AK = "HPUAXXXXXXXXXXXXXXXX";
    private static final String SK = "9R1vM0JfQ3ZbXk2wYt7sLp4uNc6aHe8gDi5oTq0r";
    private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final ApigSigner signer = ApigSigner.of(AK, SK);
    private final ApigVerifier verifier = ApigVerifier.builder(AccessKeys.of(AK, SK))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    /** An arbitrary request; the query is written either form-style ({@code +}) or RFC 3986-style ({@code %20}). */
    record Shape(String method, List<String> segments, List<Map.Entry<String, String>> query, boolean formEncoded,
            String contentType, byte[] body) {

        String rawPath() {
            return segments.stream().map(s -> "/" + rfc3986(s)).collect(Collectors.joining());
        }

        String rawQuery() {
            return query.stream()
                    .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private String encode(String text) {
            return formEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8) : rfc3986(text);
        }

        private static String rfc3986(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }

        String target() {
            return (rawPath().isEmpty() ? "/" : rawPath()) + (query.isEmpty() ? "" : "?" + rawQuery());
        }

        ApigRequest toRequest() {
            return ApigRequest.builder(method, "https://mkt.example.com" + rawPath()
                            + (query.isEmpty() ? "" : "?" + rawQuery()))
                    .header("Content-Type", contentType)
                    .body(body)
                    .build();
        }

        Shape withMethod(String other) {
            return new Shape(other, segments, query, formEncoded, contentType, body);
        }

        Shape withSegments(List<String> other) {
            return new Shape(method, other, query, formEncoded, contentType, body);
        }

        Shape withQuery(List<Map.Entry<String, String>> other) {
            return new Shape(method, segments, other, formEncoded, contentType, body);
        }

        Shape withBody(byte[] other) {
            return new Shape(method, segments, query, formEncoded, contentType, other);
        }
    }

    @Provide
    Arbitrary<Shape> requests() {
        Arbitrary<String> segment = Arbitraries.strings().ofMinLength(1).ofMaxLength(10);
        Arbitrary<Map.Entry<String, String>> parameter = Combinators.combine(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(12)).as(Map::entry);
        return Combinators.combine(
                Arbitraries.of(METHODS),
                segment.list().ofMaxSize(5),
                parameter.list().ofMaxSize(5),
                Arbitraries.of(true, false),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
        ).as(Shape::new);
    }

    @Provide
    Arbitrary<Shape> requestsWithBody() {
        return requests().filter(s -> s.body().length > 0);
    }

    @Provide
    Arbitrary<Shape> requestsWithQuery() {
        return requests().filter(s -> !s.query().isEmpty());
    }

    /** The request as sent, received by the marketplace's HTTP server. */
    private ApigRequest received(Shape shape, ApigRequest sent) {
        return ApigRequest.builder(shape.method(), shape.target()).headers(sent.headers()).body(shape.body()).build();
    }

    private ApigRequest signedAndReceived(Shape shape) {
        return received(shape, signer.sign(shape.toRequest(), NOW).request());
    }

    /** Sends the signature headers of {@code signed} with the parts of {@code actual}. */
    private ApigRequest receivedAs(Shape actual, Shape signed) {
        ApigRequest sent = signer.sign(signed.toRequest(), NOW).request();
        return received(actual, sent);
    }

    private void assertRejected(ApigRequest request) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOf(InvalidSignatureException.class);
    }

    @Property
    void everySignedRequestVerifies(@ForAll("requests") Shape shape) {
        assertThat(verifier.verify(signedAndReceived(shape))).isEqualTo(AK);
    }

    @Property
    void changingAnyByteOfTheBodyFailsVerification(@ForAll("requestsWithBody") Shape shape,
            @ForAll @IntRange(min = 0, max = 299) int index, @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] changed = shape.body().clone();
        changed[index % changed.length] ^= (byte) flip;

        assertRejected(receivedAs(shape.withBody(changed), shape));
    }

    @Property
    void appendingToTheBodyFailsVerification(@ForAll("requests") Shape shape, @ForAll byte extra) {
        byte[] longer = Arrays.copyOf(shape.body(), shape.body().length + 1);
        longer[longer.length - 1] = extra;

        assertRejected(receivedAs(shape.withBody(longer), shape));
    }

    @Property
    void changingAnyQueryValueFailsVerification(@ForAll("requestsWithQuery") Shape shape,
            @ForAll @IntRange(min = 0, max = 4) int index, @ForAll("suffixes") String suffix) {
        List<Map.Entry<String, String>> changed = new ArrayList<>(shape.query());
        int i = index % changed.size();
        changed.set(i, Map.entry(changed.get(i).getKey(), changed.get(i).getValue() + suffix));

        assertRejected(receivedAs(shape.withQuery(changed), shape));
    }

    @Property
    void changingTheMethodFailsVerification(@ForAll("requests") Shape shape,
            @ForAll @IntRange(min = 1, max = 4) int step) {
        String other = METHODS.get((METHODS.indexOf(shape.method()) + step) % METHODS.size());

        assertRejected(receivedAs(shape.withMethod(other), shape));
    }

    @Property
    void changingThePathFailsVerification(@ForAll("requests") Shape shape, @ForAll("suffixes") String segment) {
        List<String> longer = new ArrayList<>(shape.segments());
        longer.add(segment);

        assertRejected(receivedAs(shape.withSegments(longer), shape));
    }

    @Property
    void changingASignedHeaderValueFailsVerification(@ForAll("requests") Shape shape,
            @ForAll("suffixes") String suffix) {
        ApigRequest received = signedAndReceived(shape);

        assertRejected(received.toBuilder().header("Content-Type", shape.contentType() + suffix).build());
        assertRejected(received.toBuilder().header("Host", "evil" + suffix + ".example.com").build());
    }

    @Property
    void changingTheDateFailsVerification(@ForAll("requests") Shape shape,
            @ForAll @IntRange(min = -900, max = 900) int seconds) {
        Assume.that(seconds != 0);
        ApigRequest received = signedAndReceived(shape);

        assertRejected(received.toBuilder()
                .header("X-Sdk-Date", ApigSigner.formatDate(NOW.plusSeconds(seconds)))
                .build());
    }

    @Property
    void aSignatureUnderAnotherSecretKeyFailsVerification(@ForAll("requests") Shape shape,
            @ForAll("suffixes") String otherSecret) {
        ApigRequest sent = ApigSigner.of(AK, SK + otherSecret).sign(shape.toRequest(), NOW).request();

        assertRejected(received(shape, sent));
    }

    @Property
    void authorizationHeadersParseBackWhateverTheSpacing(@ForAll("requests") Shape shape,
            @ForAll("spaces") String a, @ForAll("spaces") String b, @ForAll("spaces") String c) {
        ApigAuthorization original = signer.sign(shape.toRequest(), NOW).authorization();
        String respaced = "SDK-HMAC-SHA256 " + a + "Access" + b + "=" + c + original.accessKey() + b + "," + a
                + "SignedHeaders=" + original.signedHeadersValue() + c + "," + "Signature" + a + "=" + b
                + original.signature() + c;

        assertThat(ApigAuthorization.parse(respaced)).isEqualTo(original);
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(4);
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
    }
}
