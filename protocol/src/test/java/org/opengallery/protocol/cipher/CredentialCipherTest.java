package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.cipher.CredentialCipherException.Reason;
import org.opengallery.protocol.internal.Hex;

class CredentialCipherTest {

    private static final String KEY = "opengallery-test-key";
    /** "admin" under {@link #KEY}, AES-256 (see CredentialCipherKnownAnswerTest). Its Base64 holds a '+'. */
    private static final String ADMIN = "0123456789abcdefrSSiGr36AYhEAn6Jvk+Ctg==";

    private final CredentialCipher cipher = CredentialCipher.forSellerKey(KEY, EncryptType.AES_256);

    @Test
    void blankSellerKeyIsRejected() {
        for (String blank : new String[] {null, "", "   ", "\t\n"}) {
            CredentialCipherException e = catchThrowableOfType(CredentialCipherException.class,
                    () -> CredentialCipher.forSellerKey(blank, EncryptType.AES_256));
            assertThat(e.reason()).isEqualTo(Reason.BLANK_KEY);
            assertThat(e).hasMessageContaining("seller key");
        }
    }

    @Test
    void failuresAreProtocolExceptions() {
        assertThatThrownBy(() -> cipher.decrypt("short")).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "0123456789abcde", "0123456789abcdef"})
    void valueOfSixteenCharactersOrFewerIsTooShort(String value) {
        assertReason(() -> cipher.decrypt(value), Reason.TOO_SHORT)
                .hasMessageContaining("got only " + value.length() + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not*base64!", "A", "====", "rSSiGr36AYhEAn6J-k_Ctg=="})
    void ciphertextThatIsNotBase64IsBadBase64(String ciphertext) {
        assertReason(() -> cipher.decrypt("0123456789abcdef" + ciphertext), Reason.BAD_BASE64)
                .hasMessageContaining("not Base64");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 17, 31})
    void ciphertextThatIsNotWholeBlocksIsBadLength(int bytes) {
        String value = "0123456789abcdef" + Base64.getEncoder().encodeToString(new byte[bytes]);

        assertReason(() -> cipher.decrypt(value), Reason.BAD_LENGTH).hasMessageContaining(bytes + " bytes");
    }

    @Test
    void wrongSellerKeyIsBadPadding() {
        // AES-CBC has no integrity check: a wrong key only shows when the last block's padding fails to check out,
        // which happens about 255 times in 256. This value (13800138000 under KEY) is one of those under
        // "wrong-seller-key"; it was found by trying IVs with the JDK path and is frozen here.
        CredentialCipher wrong = CredentialCipher.forSellerKey("wrong-seller-key", EncryptType.AES_256);

        assertThat(cipher.decrypt("IV00000000000000XPu4TtdzPEbr7tu+kNo3dQ==")).isEqualTo("13800138000");
        assertReason(() -> wrong.decrypt("IV00000000000000XPu4TtdzPEbr7tu+kNo3dQ=="), Reason.BAD_PADDING)
                .hasMessageContaining("wrong key");
    }

    @Test
    void wrongSellerKeyWhosePaddingHappensToCheckOutIsNotUtf8() {
        // The other case: under "wrong-seller-key" this value (13800138000 under KEY) decrypts to 15 bytes ending
        // in valid padding (8f56f27c666b838fbcbd517cb9ca0e), which are not UTF-8. Without the strict decoding the
        // caller would get garbage text instead of an error.
        CredentialCipher wrong = CredentialCipher.forSellerKey("wrong-seller-key", EncryptType.AES_256);

        assertThat(cipher.decrypt("IV00000000000538abzSs27KedzcqoeZqEQsqA==")).isEqualTo("13800138000");
        assertReason(() -> wrong.decrypt("IV00000000000538abzSs27KedzcqoeZqEQsqA=="), Reason.NOT_UTF8);
    }

    @Test
    void wrongEncryptTypeIsBadPadding() {
        // Same key, AES-128 instead of AES-256: a different key, so the same 255-in-256 rule; this vector fails.
        CredentialCipher aes128 = CredentialCipher.forSellerKey(KEY, EncryptType.AES_128);

        assertReason(() -> aes128.decrypt(ADMIN), Reason.BAD_PADDING).hasMessageContaining("AES-128");
    }

    @Test
    void corruptedIvIsBadPadding() {
        // For a one-block value the IV is XORed into the plaintext, so changing the IV's last character from 'f' to
        // 'X' turns the last padding byte 0x0b into 0x0b ^ 0x66 ^ 0x58 = 0x35, never valid padding.
        String corrupted = "0123456789abcdeX" + ADMIN.substring(16);

        assertReason(() -> cipher.decrypt(corrupted), Reason.BAD_PADDING);
    }

    @Test
    void ivWithCharactersBeyondAsciiIsBadIvWhenDecrypting() {
        String value = "0123456789abcdé" + "f" + ADMIN.substring(16);

        assertReason(() -> cipher.decrypt(value), Reason.BAD_IV).hasMessageContaining("character 15");
    }

    @Test
    void spacesInTheCiphertextAreReadAsPlusSigns() {
        assertThat(cipher.decrypt(ADMIN.replace('+', ' '))).isEqualTo("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcde", "0123456789abcdef0", "0123456789abcde+", "0123456789abcdé",
            "0123456789abcde ", "0123456789-bcdef"})
    void encryptRejectsAnIvThatIsNotSixteenLettersOrDigits(String iv) {
        assertReason(() -> cipher.encrypt("admin", iv), Reason.BAD_IV).hasMessageContaining("16 letters or digits");
    }

    @Test
    void encryptRejectsTextWithAnUnpairedSurrogate() {
        assertReason(() -> cipher.encrypt("pass\uD800word"), Reason.NOT_UTF8).hasMessageContaining("surrogate");
    }

    @Test
    void emptyTextEncryptsToOneBlockAndBack() {
        String value = cipher.encrypt("");

        assertThat(value).hasSize(16 + 24);
        assertThat(cipher.decrypt(value)).isEmpty();
    }

    @Test
    void credentialOverTheFieldLimitIsRejectedNamingItsLengthAndTheLimit() {
        // 80 bytes pad to 96, which is 128 Base64 characters: 144 with the IV.
        String plaintext = "p".repeat(80);

        assertReason(() -> cipher.encryptCredential(plaintext), Reason.TOO_LONG)
                .hasMessageContaining("144 characters")
                .hasMessageContaining("limit of 128");
        assertReason(() -> cipher.encryptCredential(plaintext, "0123456789abcdef"), Reason.TOO_LONG);
    }

    @Test
    void longestCredentialThatFitsIsAccepted() {
        String plaintext = "p".repeat(CredentialCipher.MAX_CREDENTIAL_PLAINTEXT_BYTES);

        String value = cipher.encryptCredential(plaintext);

        assertThat(value).hasSize(124);
        assertThat(cipher.decrypt(value)).isEqualTo(plaintext);
    }

    @Test
    void fieldLimitCountsMultiByteCharactersByTheirUtf8Bytes() {
        // 27 Chinese characters are 81 UTF-8 bytes, two more than fit, although they are only 27 characters.
        assertReason(() -> cipher.encryptCredential("密".repeat(27)), Reason.TOO_LONG);
        assertThat(cipher.encryptCredential("密".repeat(26) + "a")).hasSize(124);
    }

    @Test
    void valueOfExactly128CharactersFitsTheCredentialFieldAnd129DoNot() {
        // Real encrypted values come in lengths 40, 60, 80, 104, 124, 144, ... so 128 itself is never produced by
        // encryptCredential; the boundary is checked on the explicit call.
        String exactly128 = "A".repeat(128);

        assertThat(CredentialCipher.requireFitsCredentialField(exactly128)).isSameAs(exactly128);
        assertReason(() -> CredentialCipher.requireFitsCredentialField(exactly128 + "A"), Reason.TOO_LONG)
                .hasMessageContaining("129 characters")
                .hasMessageContaining("128");
    }

    @Test
    void encryptWithoutTheCredentialLimitTakesLongText() {
        String plaintext = "long text ".repeat(100);

        String value = cipher.encrypt(plaintext);

        assertThat(value.length()).isGreaterThan(1000);
        assertThat(cipher.decrypt(value)).isEqualTo(plaintext);
    }

    @Test
    void toStringNamesTheKeySizeOnly() {
        String derivedKeyHex = Hex.lower(CredentialCipher.deriveKey(KEY, EncryptType.AES_256));

        assertThat(cipher).hasToString("CredentialCipher[AES-256]");
        assertThat(CredentialCipher.forSellerKey(KEY, EncryptType.AES_128)).hasToString("CredentialCipher[AES-128]");
        assertThat(cipher.toString()).doesNotContain(KEY).doesNotContainIgnoringCase(derivedKeyHex.substring(0, 8));
        assertThat(cipher.type()).isEqualTo(EncryptType.AES_256);
    }

    @Test
    void messagesNeverContainTheSellerKeyOrThePlaintext() {
        String secretKey = "s3cr3t-seller-key-0123456789";
        String plaintext = "hunter2-" + "x".repeat(80);
        CredentialCipher secret = CredentialCipher.forSellerKey(secretKey, EncryptType.AES_256);
        String foreign = cipher.encrypt("13800138000", "IV00000000000000");
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowableOfType(CredentialCipherException.class, () -> secret.decrypt(foreign)));
        failures.add(catchThrowableOfType(CredentialCipherException.class, () -> secret.encryptCredential(plaintext)));
        failures.add(catchThrowableOfType(CredentialCipherException.class, () -> secret.decrypt("0123456789abcdef!")));
        failures.add(catchThrowableOfType(CredentialCipherException.class, () -> secret.encrypt(plaintext, "bad")));

        assertThat(failures).allSatisfy(e -> assertThat(e).isNotNull()
                .message().doesNotContain(secretKey).doesNotContain("hunter2"));
    }

    @Test
    void ivBytesAreTheIvCharacters() {
        // The CBC IV is the 16 ASCII bytes of the IV string, not a decoding of it.
        assertThat("0123456789abcdef".getBytes(StandardCharsets.UTF_8)).hasSize(16);
        assertThat(cipher.encrypt("admin", "0123456789abcdef")).isEqualTo(ADMIN);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReason(ThrowingCallable call, Reason reason) {
        CredentialCipherException e = catchThrowableOfType(CredentialCipherException.class, call);
        assertThat(e).as("expected a CredentialCipherException").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        return assertThat((Throwable) e);
    }
}
