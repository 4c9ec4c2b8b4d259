package org.opengallery.protocol.cipher;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators shared by the cipher's property tests. */
final class CipherArbitraries {

    private CipherArbitraries() {
    }

    /**
     * Seller keys: realistic hex keys, very short ones, 200-400-character ones, arbitrary chars (lone surrogates
     * included: both derivations see them through {@code getBytes(UTF_8)}) and well-formed unicode with CJK and
     * supplementary characters.
     */
    static Arbitrary<String> sellerKeys() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().ascii().ofMinLength(200).ofMaxLength(400),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                unicodeText(1, 60)))
                .filter(key -> !key.isBlank());
    }

    /** Well-formed text (no lone surrogates) of {@code min} to {@code max} code points from every plane. */
    static Arbitrary<String> unicodeText(int min, int max) {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0x20, 0x7E),
                Arbitraries.integers().between(0, 0xD7FF),
                Arbitraries.integers().between(0x4E00, 0x9FFF),
                Arbitraries.integers().between(0xE000, 0xFFFF),
                Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMinSize(min).ofMaxSize(max).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** IVs as the protocol makes them: 16 letters or digits. */
    static Arbitrary<String> ivs() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .ofLength(16);
    }
}
