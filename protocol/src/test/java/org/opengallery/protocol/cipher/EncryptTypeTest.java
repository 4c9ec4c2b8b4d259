package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengallery.protocol.cipher.CredentialCipherException.Reason;

class EncryptTypeTest {

    @Test
    void codeOneIsAes256AndCodeTwoIsAes128() {
        assertThat(EncryptType.fromCode("1")).isEqualTo(EncryptType.AES_256);
        assertThat(EncryptType.fromCode("2")).isEqualTo(EncryptType.AES_128);
        assertThat(EncryptType.AES_256.code()).isEqualTo("1");
        assertThat(EncryptType.AES_128.code()).isEqualTo("2");
        assertThat(EncryptType.AES_256.keySizeBits()).isEqualTo(256);
        assertThat(EncryptType.AES_128.keySizeBits()).isEqualTo(128);
        assertThat(EncryptType.AES_256.label()).isEqualTo("AES-256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "0", "3", "01", " 1", "1 ", "", "AES256"})
    void fromCodeRejectsAnythingElseNamingTheValue(String code) {
        CredentialCipherException e = catchThrowableOfType(CredentialCipherException.class,
                () -> EncryptType.fromCode(code));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ENCRYPT_TYPE);
        assertThat(e).hasMessage("encryptType must be 1 (AES-256) or 2 (AES-128), got '" + code + "'");
    }

    @ParameterizedTest
    @NullSource
    void fromCodeRejectsAMissingValue(String code) {
        CredentialCipherException e = catchThrowableOfType(CredentialCipherException.class,
                () -> EncryptType.fromCode(code));

        assertThat(e).hasMessage("encryptType must be 1 (AES-256) or 2 (AES-128), got no value");
    }

    @Test
    void absentEncryptTypeMeansAes256() {
        assertThat(EncryptType.fromCodeOrDefault(null)).isEqualTo(EncryptType.AES_256);
        assertThat(EncryptType.fromCodeOrDefault("")).isEqualTo(EncryptType.AES_256);
        assertThat(EncryptType.fromCodeOrDefault("2")).isEqualTo(EncryptType.AES_128);
        assertThat(catchThrowableOfType(CredentialCipherException.class, () -> EncryptType.fromCodeOrDefault("9"))
                .reason()).isEqualTo(Reason.UNKNOWN_ENCRYPT_TYPE);
    }
}
