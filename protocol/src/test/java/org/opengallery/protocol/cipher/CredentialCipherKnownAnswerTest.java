package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengallery.protocol.internal.Hex;

/**
 * Frozen vectors, computed once with the JDK's KeyGenerator/SHA1PRNG path ({@link HuaweiSampleCipher}) on
 * OpenJDK 17. Both paths are checked against them, so a regression in either one fails here even if the two
 * still agreed with each other.
 */
class CredentialCipherKnownAnswerTest {

    record Vector(String sellerKey, EncryptType type, String iv, String plaintext, String keyHex, String value) {
        @Override
        public String toString() {
            return type.label() + " '" + plaintext + "'";
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("opengallery-test-key", EncryptType.AES_256, "0123456789abcdef", "admin",
                        "b7d3a4a9e734f611e1d09170c8691a528eb860694018a12bf88068431d9c96ed",
                        "0123456789abcdefrSSiGr36AYhEAn6Jvk+Ctg=="),
                new Vector("华为云商店-\uD83D\uDE42-key", EncryptType.AES_128, "AbCdEfGhIjKlMnOp", "P@ssw0rd-密码",
                        "98821634ce97ba933cee3c8dcb3aa7e9",
                        "AbCdEfGhIjKlMnOp59/3a+2VDtcPtXUUfJ//wQ=="),
                new Vector("8f3c2a91d04b4e6f9a7d5c1e2b3f4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d", EncryptType.AES_256,
                        "ZZZZZZZZZZZZZZZZ", "buyer@example.com",
                        "4b25d35fd26074210639554291877dc9fdc52bccf0a16365e5623c8d6348b4e0",
                        "ZZZZZZZZZZZZZZZZLbWXvQ642ESrHJdT2YhLLOeMBo52pSOSpIU3ixTG6U8="));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivedKeyIsTheFrozenKey(Vector v) {
        assertThat(Hex.lower(CredentialCipher.deriveKey(v.sellerKey(), v.type()))).isEqualTo(v.keyHex());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void jdkKeyGeneratorStillGivesTheFrozenKey(Vector v) {
        assertThat(Hex.lower(HuaweiSampleCipher.key(v.sellerKey(), v.type().keySizeBits()).getEncoded()))
                .isEqualTo(v.keyHex());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encryptingGivesTheFrozenValue(Vector v) {
        CredentialCipher cipher = CredentialCipher.forSellerKey(v.sellerKey(), v.type());

        assertThat(cipher.encrypt(v.plaintext(), v.iv())).isEqualTo(v.value());
        assertThat(cipher.encryptCredential(v.plaintext(), v.iv())).isEqualTo(v.value());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void huaweiSampleStillGivesTheFrozenValue(Vector v) {
        assertThat(HuaweiSampleCipher.encrypt(v.plaintext(), v.sellerKey(), v.iv(), v.type().keySizeBits()))
                .isEqualTo(v.value());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decryptingTheFrozenValueGivesThePlaintext(Vector v) {
        assertThat(CredentialCipher.forSellerKey(v.sellerKey(), v.type()).decrypt(v.value()))
                .isEqualTo(v.plaintext());
    }
}
