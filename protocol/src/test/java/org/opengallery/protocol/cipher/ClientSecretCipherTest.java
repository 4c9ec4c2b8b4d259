package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientSecretCipherTest {

    static KeyPair seller;
    static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        seller = generator.generateKeyPair();
        other = generator.generateKeyPair();
    }

    static String encryptWith(String transformation, OAEPParameterSpec spec) throws Exception {
        Cipher cipher = Cipher.getInstance(transformation);
        if (spec == null) {
            cipher.init(Cipher.ENCRYPT_MODE, seller.getPublic());
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, seller.getPublic(), spec);
        }
        return Base64.getEncoder().encodeToString(cipher.doFinal("s3cret-value".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatWeEncryptDecryptsWithTheSellersPrivateKey() {
        String encrypted = ClientSecretCipher.encrypt("s3cret-value", seller.getPublic());
        assertThat(ClientSecretCipher.decrypt(encrypted, seller.getPrivate())).isEqualTo("s3cret-value");
    }

    @Test
    void oaepWithSha1AsJavasDefaultOaepProducesDecrypts() throws Exception {
        assertThat(ClientSecretCipher.decrypt(encryptWith("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", null),
                seller.getPrivate())).isEqualTo("s3cret-value");
    }

    @Test
    void oaepWithSha256AndMgf1Sha1AsJavasSha256TransformationProducesDecrypts() throws Exception {
        assertThat(ClientSecretCipher.decrypt(encryptWith("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null),
                seller.getPrivate())).isEqualTo("s3cret-value");
    }

    @Test
    void oaepWithSha256AndMgf1Sha256Decrypts() throws Exception {
        OAEPParameterSpec spec = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT);
        assertThat(ClientSecretCipher.decrypt(encryptWith("RSA/ECB/OAEPPadding", spec), seller.getPrivate()))
                .isEqualTo("s3cret-value");
    }

    @Test
    void urlSafeBase64IsAccepted() {
        byte[] raw = Base64.getDecoder().decode(ClientSecretCipher.encrypt("s3cret-value", seller.getPublic()));
        String urlSafe = Base64.getUrlEncoder().encodeToString(raw);
        assertThat(ClientSecretCipher.decrypt(urlSafe, seller.getPrivate())).isEqualTo("s3cret-value");
    }

    @Test
    void theWrongPrivateKeyIsRejectedAsBadPadding() {
        String encrypted = ClientSecretCipher.encrypt("s3cret-value", seller.getPublic());
        assertThatThrownBy(() -> ClientSecretCipher.decrypt(encrypted, other.getPrivate()))
                .isInstanceOfSatisfying(CredentialCipherException.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialCipherException.Reason.BAD_PADDING));
    }

    @Test
    void notBase64IsRejectedAsBadBase64() {
        assertThatThrownBy(() -> ClientSecretCipher.decrypt("***not base64***", seller.getPrivate()))
                .isInstanceOfSatisfying(CredentialCipherException.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialCipherException.Reason.BAD_BASE64));
    }
}
