package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.EncryptType;

class CipherCommandsTest {

    static final String KEY = "6f3e9a2c-seller-key";

    @Test
    void encryptWithAGivenIvPrintsThatIvAndTheCiphertextOfTheCipher() {
        Cli cli = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "1", "--iv", "abcdefgh12345678", "admin");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(CredentialCipher.forSellerKey(KEY, EncryptType.AES_256)
                .encrypt("admin", "abcdefgh12345678") + "\n");
        assertThat(cli.out()).startsWith("abcdefgh12345678");
    }

    @Test
    void encryptWithoutAnIvUsesARandomOneEachTime() {
        String a = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "2", "admin").out();
        String b = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "2", "admin").out();
        assertThat(a).isNotEqualTo(b);
        assertThat(a).matches("[A-Za-z0-9]{16}[A-Za-z0-9+/=]+\n");
    }

    @Test
    void decryptInvertsEncryptForBothTypes() {
        for (String type : new String[] {"1", "2"}) {
            String value = Cli.run("encrypt", "--key", KEY, "--encrypt-type", type, "Pa ss+word/中文").out().trim();
            Cli cli = Cli.run("decrypt", "--key", KEY, "--encrypt-type", type, value);
            assertThat(cli.out()).isEqualTo("Pa ss+word/中文\n");
            assertThat(cli.exitCode()).isZero();
        }
    }

    @Test
    void anUnknownEncryptTypeExitsTwo() {
        Cli cli = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "3", "admin");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("encryptType must be 1 (AES-256) or 2 (AES-128)");
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void aBadIvExitsTwo() {
        Cli cli = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "1", "--iv", "short", "admin");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.oneLineOfError()).isTrue();
    }

    @Test
    void anOutputOverTheCredentialFieldLimitExitsTwoUnlessNoLimit() {
        String longText = "x".repeat(100);
        Cli limited = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "1", longText);
        assertThat(limited.exitCode()).isEqualTo(2);
        assertThat(limited.err()).contains("128");
        Cli unlimited = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "1", "--no-limit", longText);
        assertThat(unlimited.exitCode()).isZero();
    }

    @Test
    void malformedInputToDecryptExitsTwoWithTheReason() {
        Cli tooShort = Cli.run("decrypt", "--key", KEY, "--encrypt-type", "1", "abc");
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.oneLineOfError()).isTrue();
        Cli badBase64 = Cli.run("decrypt", "--key", KEY, "--encrypt-type", "1", "abcdefgh12345678!!!!");
        assertThat(badBase64.exitCode()).isEqualTo(2);
        assertThat(badBase64.err()).containsIgnoringCase("base64");
    }

    @Test
    void aWrongKeyFailsToDecryptAndNeverPrintsTheKey() {
        String value = Cli.run("encrypt", "--key", KEY, "--encrypt-type", "1", "--iv", "abcdefgh12345678", "admin")
                .out().trim();
        Cli cli = Cli.run("decrypt", "--key", "another-key", "--encrypt-type", "1", value);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).doesNotContain("another-key").doesNotContain(KEY);
    }
}
