package org.opengallery.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void percentTwoBDecodesToAPlusUnderEitherReading() {
        for (PlusSign reading : PlusSign.values()) {
            assertThat(QueryString.parse("authToken=ab%2Bcd%3D", reading).first("authToken")).hasValue("ab+cd=");
        }
    }

    @Test
    void aLiteralPlusIsASpaceInTheFormReadingAndAPlusInTheLiteralReading() {
        assertThat(QueryString.parse("customerName=Li+Lei", PlusSign.SPACE).first("customerName"))
                .hasValue("Li Lei");
        assertThat(QueryString.parse("customerName=Li+Lei", PlusSign.LITERAL).first("customerName"))
                .hasValue("Li+Lei");
    }

    @Test
    void valuesAreDecodedExactlyOnce() {
        // %252B is an encoded "%2B": one decoding gives the text %2B, never a plus.
        assertThat(QueryString.parse("v=%252B", PlusSign.SPACE).first("v")).hasValue("%2B");
    }

    @Test
    void utf8EscapesDecodeToUnicode() {
        assertThat(QueryString.parse("customerName=%E5%8D%8E%E4%B8%BA", PlusSign.SPACE).first("customerName"))
                .hasValue("华为");
    }

    @Test
    void aPartWithoutEqualsIsANameWithAnEmptyValueAndEmptyPartsAreSkipped() {
        QueryString q = QueryString.parse("a&&b=1&", PlusSign.SPACE);
        assertThat(q.parameters()).containsExactly(
                new QueryString.Parameter("a", ""), new QueryString.Parameter("b", "1"));
    }

    @Test
    void onlyTheFirstEqualsSplitsNameFromValue() {
        assertThat(QueryString.parse("saasExtendParams=W3t9XQ==", PlusSign.SPACE).first("saasExtendParams"))
                .hasValue("W3t9XQ==");
    }

    @Test
    void repeatedNamesKeepEveryOccurrenceAndTheMapKeepsTheFirst() {
        QueryString q = QueryString.parse("a=1&a=2", PlusSign.SPACE);
        assertThat(q.parameters()).hasSize(2);
        assertThat(q.asMap()).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void malformedPercentEscapeIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> QueryString.parse("orderId=CS%G1", PlusSign.SPACE))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("orderId")
                .hasMessageContaining("%G1");
    }

    @Test
    void truncatedPercentEscapeIsRejected() {
        assertThatThrownBy(() -> QueryString.parse("orderId=CS%4", PlusSign.SPACE))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        assertThatThrownBy(() -> QueryString.parse("name=%FF%FE", PlusSign.SPACE))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void rawQueryOfAUrlStopsAtTheFragment() {
        assertThat(QueryString.rawQueryOf("https://x.example/p?a=1&b=2#frag")).isEqualTo("a=1&b=2");
        assertThat(QueryString.rawQueryOf("https://x.example/p")).isEmpty();
    }

    @Test
    void encodingWritesSpaceAsPercent20AndPlusAsPercent2B() {
        assertThat(QueryString.encode("a b+c/=~")).isEqualTo("a%20b%2Bc%2F%3D~");
    }

    @Property
    void encodedValuesDecodeToThemselvesUnderBothReadings(@ForAll String name, @ForAll String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("n" + name, value);
        String raw = QueryString.format(params);
        for (PlusSign reading : PlusSign.values()) {
            assertThat(QueryString.parse(raw, reading).asMap()).isEqualTo(params);
        }
    }
}
