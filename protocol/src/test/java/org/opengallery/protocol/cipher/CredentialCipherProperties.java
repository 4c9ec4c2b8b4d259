package org.opengallery.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CredentialCipherProperties {

    @Property(tries = 1000)
    void derivedKeyEqualsTheJdkKeyGeneratorForAnySellerKey(
            @ForAll("sellerKeys") String sellerKey, @ForAll EncryptType type) {
        byte[] expected = HuaweiSampleCipher.key(sellerKey, type.keySizeBits()).getEncoded();

        assertThat(CredentialCipher.deriveKey(sellerKey, type)).isEqualTo(expected).hasSize(type.keySizeBits() / 8);
    }

    @Property(tries = 500)
    void decryptingWhatWasEncryptedGivesBackTheText(
            @ForAll("sellerKeys") String sellerKey, @ForAll EncryptType type, @ForAll("texts") String text) {
        CredentialCipher cipher = CredentialCipher.forSellerKey(sellerKey, type);

        assertThat(cipher.decrypt(cipher.encrypt(text))).isEqualTo(text);
    }

    @Property(tries = 300)
    void encryptingWithAGivenIvGivesExactlyWhatTheHuaweiSampleGives(@ForAll("sellerKeys") String sellerKey,
            @ForAll EncryptType type, @ForAll("texts") String text, @ForAll("ivs") String iv) {
        String expected = HuaweiSampleCipher.encrypt(text, sellerKey, iv, type.keySizeBits());

        assertThat(CredentialCipher.forSellerKey(sellerKey, type).encrypt(text, iv)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void valuesTheHuaweiSampleEncryptsDecryptHere(@ForAll("sellerKeys") String sellerKey,
            @ForAll EncryptType type, @ForAll("texts") String text, @ForAll("ivs") String iv) {
        String value = HuaweiSampleCipher.encrypt(text, sellerKey, iv, type.keySizeBits());

        assertThat(CredentialCipher.forSellerKey(sellerKey, type).decrypt(value)).isEqualTo(text);
    }

    @Property(tries = 300)
    void valuesEncryptedHereDecryptWithTheHuaweiSample(
            @ForAll("sellerKeys") String sellerKey, @ForAll EncryptType type, @ForAll("texts") String text) {
        String value = CredentialCipher.forSellerKey(sellerKey, type).encrypt(text);

        assertThat(HuaweiSampleCipher.decrypt(value, sellerKey, type.keySizeBits())).isEqualTo(text);
    }

    @Property(tries = 300)
    void encryptedValueIsSixteenLettersOrDigitsThenBase64OfWholeBlocks(
            @ForAll EncryptType type, @ForAll("texts") String text) {
        String value = CredentialCipher.forSellerKey("format-key", type).encrypt(text);

        assertThat(value).matches("[A-Za-z0-9]{16}[A-Za-z0-9+/]+={0,2}");
        byte[] ciphertext = Base64.getDecoder().decode(value.substring(16));
        assertThat(ciphertext.length % 16).isZero();
        assertThat(ciphertext.length).isGreaterThan(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Example
    void randomIvsDifferBetweenCalls() {
        CredentialCipher cipher = CredentialCipher.forSellerKey("iv-key", EncryptType.AES_256);
        Set<String> ivs = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String value = cipher.encrypt("same text");
            values.add(value);
            ivs.add(value.substring(0, 16));
        }
        assertThat(ivs).hasSize(2000);
        assertThat(values).hasSize(2000);
    }

    @Example
    void randomIvsDrawOnEveryLetterAndDigit() {
        // 2000 IVs are 32,000 characters; the chance that one of 62 never shows is below 1e-200.
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String iv = CredentialCipher.randomIv();
            assertThat(iv).matches("[A-Za-z0-9]{16}");
            iv.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62);
    }

    @Provide
    Arbitrary<String> sellerKeys() {
        return CipherArbitraries.sellerKeys();
    }

    @Provide
    Arbitrary<String> texts() {
        return CipherArbitraries.unicodeText(0, 120);
    }

    @Provide
    Arbitrary<String> ivs() {
        return CipherArbitraries.ivs();
    }
}
