package org.opengallery.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Hex.lower(Hmac.sha256("Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sha256OfEmptyInputIsTheWellKnownDigest() {
        assertThat(Hex.lower(Hmac.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void upperHexIsLowerHexUppercased() {
        assertThat(Hex.upper(new byte[] {(byte) 0xAB, 0x01})).isEqualTo("AB01");
        assertThat(Hex.lower(new byte[] {(byte) 0xAB, 0x01})).isEqualTo("ab01");
    }
}
