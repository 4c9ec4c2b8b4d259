package org.opengallery.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.MissingSignatureException;

class BodySignTest {

    static final String KEY = "6f3e9a2c-seller-key";
    static final byte[] BODY = "{\"resultCode\":\"000000\",\"resultMsg\":\"success\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerValueIsTheDocumentedFormWithASpaceAfterSignatureEquals() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String b64 = Base64.getEncoder().encodeToString(mac.doFinal(BODY));
        assertThat(BodySign.sign(KEY, BODY).headerValue())
                .isEqualTo("sign_type=\"HMAC-SHA256\", signature= \"" + b64 + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sign_type=\"HMAC-SHA256\", signature= \"%s\"",
        "sign_type=\"HMAC-SHA256\", signature=\"%s\"",
        "sign_type=\"HMAC-SHA256\",signature=\"%s\"",
        "sign_type=\"HMAC-SHA256\",signature= \"%s\"",
        "  sign_type = \"HMAC-SHA256\" ,  signature =  \"%s\"  "})
    void everySpacingVariantSeenInTheWildParsesAndVerifies(String form) {
        String header = String.format(form, BodySign.sign(KEY, BODY).signature());
        assertThat(BodySign.parse(header).signType()).isEqualTo("HMAC-SHA256");
        assertThatCode(() -> BodySign.verify(KEY, BODY, header)).doesNotThrowAnyException();
    }

    @Test
    void theMacCoversTheExactBytesIncludingTrailingWhitespace() {
        String header = BodySign.sign(KEY, BODY).headerValue();
        byte[] withNewline = (new String(BODY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BodySign.verify(KEY, withNewline, header))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void aMissingHeaderIsAMissingSignature() {
        assertThatThrownBy(() -> BodySign.verify(KEY, BODY, null)).isInstanceOf(MissingSignatureException.class);
        assertThatThrownBy(() -> BodySign.verify(KEY, BODY, " ")).isInstanceOf(MissingSignatureException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"signature=abc", "sign_type=\"HMAC-SHA256\"", "sign_type=\"HMAC-SHA256\"; signature=\"x\""})
    void aHeaderWeCannotReadIsAnInvalidParameter(String header) {
        assertThatThrownBy(() -> BodySign.parse(header)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void anUnknownSignTypeIsRejected() {
        String header = "sign_type=\"HMAC-SHA1\", signature= \"" + BodySign.sign(KEY, BODY).signature() + "\"";
        assertThatThrownBy(() -> BodySign.verify(KEY, BODY, header))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("HMAC-SHA1");
    }

    @Property
    void changingAnyByteOfTheBodyFailsVerification(@ForAll byte[] body, @ForAll @IntRange(min = 0, max = 10_000) int at) {
        if (body.length == 0) {
            return;
        }
        String header = BodySign.sign(KEY, body).headerValue();
        assertThatCode(() -> BodySign.verify(KEY, body, header)).doesNotThrowAnyException();
        byte[] tampered = body.clone();
        tampered[at % body.length] ^= 0x01;
        assertThatThrownBy(() -> BodySign.verify(KEY, tampered, header)).isInstanceOf(InvalidSignatureException.class);
    }
}
