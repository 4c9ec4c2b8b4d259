package org.opengallery.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import org.opengallery.protocol.internal.JsonBodies;

/** The hand-written fast path of the canonical payload writes exactly what Jackson writes, or leaves it to Jackson. */
class CanonicalPayloadProperties {

    @Property
    void stringFieldsAreWrittenByHandExactlyAsJacksonWritesThem(
            @ForAll @Size(max = 6) Map<@CharRange(from = ' ', to = '~') @CharRange(from = '\u4e00', to = '\u4e0f')
                    @Chars({'"', '\\', '\n', '\t', '\u0001', '\u007f', '\u2028', '\uD83D', '\uDE00'}) String,
                    @CharRange(from = ' ', to = '~') @CharRange(from = '\u00e0', to = '\u00ff')
                    @Chars({'"', '\\', '\n', '\r', '\u001f', '\u007f', '\u2028'}) String> fields)
            throws JsonProcessingException {
        TreeMap<String, Object> sorted = new TreeMap<>(fields);
        String byHand = CanonicalPayload.writePlainStrings(sorted);
        String jackson = JsonBodies.MAPPER.writeValueAsString(sorted);
        if (byHand != null) {
            assertThat(byHand).isEqualTo(jackson);
        } else {
            assertThat(jackson).as("left to Jackson only when it escapes something").containsPattern("\\\\");
        }
    }

    @Property
    void anythingButStringsIsLeftToJackson(@ForAll int number) {
        assertThat(CanonicalPayload.writePlainStrings(new TreeMap<>(Map.of("a", "x", "b", number)))).isNull();
    }
}
