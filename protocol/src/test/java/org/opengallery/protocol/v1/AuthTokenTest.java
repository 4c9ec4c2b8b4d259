package org.opengallery.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.QueryString.Parameter;

class AuthTokenTest {

    static final String KEY = "6f3e9a2c-seller-key";

    static Map<String, String> newInstance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("activity", "newInstance");
        p.put("businessId", "61e834ba-7b97-4418-b8f7-e5345137278c");
        p.put("customerId", "68cbc86abc2018ab880d92f36422fa0e");
        p.put("customerName", "Li Lei");
        p.put("email", "V6uNm9xLPyiHjgxa0bGhXw+Qj7e/4mPn5t3SYvHgv8c=");
        p.put("orderId", "CS1906666666ABCDE");
        p.put("productId", "00301-666666-0--0");
        p.put("testFlag", "1");
        p.put("timeStamp", "20200812064113011");
        return p;
    }

    @Test
    void signedContentIsEveryParameterButTheTokenSortedByNameAndJoined() {
        List<Parameter> params = List.of(
                new Parameter("timeStamp", "20200812064113011"),
                new Parameter("authToken", "ignored"),
                new Parameter("activity", "newInstance"),
                new Parameter("Zeta", "upper-case names sort before lower-case ones"));
        assertThat(AuthToken.signedContent(params)).isEqualTo(
                "Zeta=upper-case names sort before lower-case ones&activity=newInstance&timeStamp=20200812064113011");
    }

    @Test
    void tokenIsBase64OfHmacSha256KeyedWithKeyPlusTimeStamp() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((KEY + "20200812064113011").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String joined = "activity=newInstance&businessId=61e834ba-7b97-4418-b8f7-e5345137278c"
                + "&customerId=68cbc86abc2018ab880d92f36422fa0e&customerName=Li Lei"
                + "&email=V6uNm9xLPyiHjgxa0bGhXw+Qj7e/4mPn5t3SYvHgv8c=&orderId=CS1906666666ABCDE"
                + "&productId=00301-666666-0--0&testFlag=1&timeStamp=20200812064113011";
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(joined.getBytes(StandardCharsets.UTF_8)));
        assertThat(AuthToken.compute(KEY, newInstance())).isEqualTo(expected);
    }

    @Test
    void knownAnswerForAFixedRequest() {
        // Frozen from the algorithm above so that a change in sorting, joining or keying is caught.
        assertThat(AuthToken.compute(KEY, newInstance())).isEqualTo(frozenToken());
    }

    private static String frozenToken() {
        // Computed independently: printf %s "$joined" | openssl dgst -sha256 -hmac "$KEY$timeStamp" -binary | base64
        return "/qPZ7Z5q7/bRezEhUcGMcpWnQi+Ca2GtZ3XiKVPbc6A=";
    }

    @Test
    void missingTimeStampIsAnInvalidParameter() {
        assertThatThrownBy(() -> AuthToken.compute(KEY, Map.of("activity", "newInstance")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("timeStamp");
    }

    @Test
    void aQueryEncodedAsThePlatformDoesVerifies() {
        Map<String, String> params = newInstance();
        params.put("authToken", AuthToken.compute(KEY, params));
        QueryString verified = AuthTokenVerifier.forKey(KEY).verifyQuery(QueryString.format(params));
        assertThat(verified.asMap()).containsEntry("customerName", "Li Lei")
                .containsEntry("email", "V6uNm9xLPyiHjgxa0bGhXw+Qj7e/4mPn5t3SYvHgv8c=");
    }

    @Test
    void aSpaceSentAsPlusVerifies() {
        Map<String, String> params = newInstance();
        String token = AuthToken.compute(KEY, params);
        String raw = QueryString.format(params).replace("Li%20Lei", "Li+Lei") + "&authToken=" + QueryString.encode(token);
        assertThat(AuthTokenVerifier.forKey(KEY).verifyQuery(raw).first("customerName")).hasValue("Li Lei");
    }

    @Test
    void base64ValuesAndTokenSentWithUnencodedPlusStillVerifyAndKeepTheirPlus() {
        Map<String, String> params = newInstance();
        params.remove("customerName");
        String token = AuthToken.compute(KEY, params);
        StringBuilder raw = new StringBuilder();
        params.forEach((n, v) -> raw.append(n).append('=').append(v).append('&'));
        raw.append("authToken=").append(token);
        QueryString verified = AuthTokenVerifier.forKey(KEY).verifyQuery(raw.toString());
        assertThat(verified.first("email")).hasValue("V6uNm9xLPyiHjgxa0bGhXw+Qj7e/4mPn5t3SYvHgv8c=");
    }

    @Test
    void unknownParametersAreSignedToo() {
        Map<String, String> params = newInstance();
        params.put("newPlatformField", "x");
        params.put("authToken", AuthToken.compute(KEY, params));
        String raw = QueryString.format(params);
        assertThat(AuthTokenVerifier.forKey(KEY).verifyQuery(raw).first("newPlatformField")).hasValue("x");
        String withoutIt = raw.replace("&newPlatformField=x", "");
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyQuery(withoutIt))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void aWrongKeyIsAnInvalidSignatureWithResultCode000001() {
        Map<String, String> params = newInstance();
        params.put("authToken", AuthToken.compute(KEY, params));
        assertThatThrownBy(() -> AuthTokenVerifier.forKey("other").verifyQuery(QueryString.format(params)))
                .isInstanceOfSatisfying(InvalidSignatureException.class,
                        e -> assertThat(e.resultCode()).isEqualTo("000001"));
    }

    @Test
    void aMissingTokenIsAMissingSignature() {
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyQuery(QueryString.format(newInstance())))
                .isInstanceOfSatisfying(MissingSignatureException.class,
                        e -> assertThat(e.resultCode()).isEqualTo("000001"));
    }

    @Test
    void aMissingTimeStampIsInvalidParameterWithResultCode000002() {
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyQuery("activity=newInstance&authToken=abc"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.resultCode()).isEqualTo("000002"));
    }

    @Test
    void thePostFormSignsTheBodyFieldsAndCarriesTheTokenInAHeader() {
        Map<String, String> params = newInstance();
        String token = AuthToken.compute(KEY, params);
        byte[] body = ("{\"activity\":\"newInstance\",\"businessId\":\"61e834ba-7b97-4418-b8f7-e5345137278c\","
                + "\"customerId\":\"68cbc86abc2018ab880d92f36422fa0e\",\"customerName\":\"Li Lei\","
                + "\"email\":\"V6uNm9xLPyiHjgxa0bGhXw+Qj7e/4mPn5t3SYvHgv8c=\",\"orderId\":\"CS1906666666ABCDE\","
                + "\"productId\":\"00301-666666-0--0\",\"testFlag\":1,\"timeStamp\":\"20200812064113011\","
                + "\"absent\":null}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = AuthTokenVerifier.forKey(KEY).verifyJsonBody(body, token);
        assertThat(fields).containsEntry("testFlag", "1").doesNotContainKey("absent");
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyJsonBody(body, token.substring(1)))
                .isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyJsonBody(body, null))
                .isInstanceOf(MissingSignatureException.class);
    }

    @Test
    void aPostBodyThatIsNotAJsonObjectIsAnInvalidParameter() {
        assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyJsonBody("[1]".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("JSON object");
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThatThrownBy(() -> AuthTokenVerifier.forKey("")).hasMessageContaining("must not be empty");
    }

    @Property
    void signThenVerifyRoundTrips(@ForAll("parameters") Map<String, String> params) {
        params.put("timeStamp", "20240101000000000");
        params.put("authToken", AuthToken.compute(KEY, params));
        assertThat(AuthTokenVerifier.forKey(KEY).verifyQuery(QueryString.format(params)).asMap())
                .isEqualTo(params);
    }

    @Property
    void changingAnyValueFailsVerification(@ForAll("parameters") Map<String, String> params,
                                           @ForAll @AlphaChars @StringLength(min = 1, max = 3) String change) {
        params.put("timeStamp", "20240101000000000");
        String token = AuthToken.compute(KEY, params);
        for (String name : List.copyOf(params.keySet())) {
            Map<String, String> tampered = new LinkedHashMap<>(params);
            tampered.put(name, params.get(name) + change);
            tampered.put("authToken", token);
            assertThatThrownBy(() -> AuthTokenVerifier.forKey(KEY).verifyQuery(QueryString.format(tampered)))
                    .isInstanceOf(InvalidSignatureException.class);
        }
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .filter(n -> !n.equals("authToken") && !n.equals("timeStamp")),
                Arbitraries.strings().ofMaxLength(40)).ofMaxSize(6).map(LinkedHashMap::new);
    }
}
