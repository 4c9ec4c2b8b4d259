package org.opengallery.marketplace.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTextTest {

    @Test
    void drawsTheLengthAskedFromTheAlphabetOnly() {
        for (int i = 0; i < 200; i++) {
            assertThat(RandomText.draw(RandomText.UNAMBIGUOUS, 14)).hasSize(14).doesNotContainPattern("[0O1lI]");
            assertThat(RandomText.draw(RandomText.DIGITS, 18)).matches("[0-9]{18}");
            assertThat(RandomText.draw(RandomText.UPPER_ALPHANUMERIC, 5)).matches("[A-Z0-9]{5}");
        }
    }

    @Test
    void drawsDifferAcrossCalls() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(RandomText.draw(RandomText.ALPHANUMERIC, 32));
        }
        assertThat(seen).hasSize(1000);
    }
}
