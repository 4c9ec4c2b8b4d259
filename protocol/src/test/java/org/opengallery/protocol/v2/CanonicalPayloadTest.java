package org.opengallery.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengallery.protocol.v2.SpecExamples.utf8;

import org.junit.jupiter.api.Test;
import org.opengallery.protocol.InvalidParameterException;

class CanonicalPayloadTest {

    @Test
    void theSpecsBasicExampleBodiesAreAlreadyCanonical() {
        assertThat(CanonicalPayload.of(SpecExamples.NEW_INSTANCE_BODY)).isEqualTo(SpecExamples.NEW_INSTANCE_BODY);
        assertThat(CanonicalPayload.of(SpecExamples.REFRESH_INSTANCE_BODY))
                .isEqualTo(SpecExamples.REFRESH_INSTANCE_BODY);
        for (String[] example : SpecExamples.BODY_SIGNATURE_TIMESTAMP) {
            assertThat(CanonicalPayload.of(example[0])).isEqualTo(example[0]);
        }
    }

    @Test
    void topLevelKeysAreSortedAndNumbersStayNumbers() {
        assertThat(CanonicalPayload.of(SpecExamples.TENANT_SYNC_BODY)).isEqualTo(SpecExamples.TENANT_SYNC_CANONICAL);
    }

    @Test
    void topLevelNullsAreDroppedAndWhitespaceRemoved() {
        assertThat(CanonicalPayload.of("{ \"b\" : \"2\",\n \"a\" : null, \"c\": \"3\" }"))
                .isEqualTo("{\"b\":\"2\",\"c\":\"3\"}");
    }

    @Test
    void nestedObjectsKeepTheirOrderAndNullsAsHuaweisSampleDoes() {
        assertThat(CanonicalPayload.of("{\"productInfo\":{\"skuCode\":\"s\",\"productId\":null},\"activity\":\"x\"}"))
                .isEqualTo("{\"activity\":\"x\",\"productInfo\":{\"skuCode\":\"s\",\"productId\":null}}");
    }

    @Test
    void nonAsciiStaysUnescaped() {
        assertThat(CanonicalPayload.of("{\"name\":\"华为\"}")).isEqualTo("{\"name\":\"华为\"}");
    }

    @Test
    void candidatesAreCanonicalThenScalarsAsStringsThenRawBody() {
        String raw = "{\"testFlag\":0, \"activity\":\"x\"}";
        assertThat(CanonicalPayload.candidates(utf8(raw))).containsExactly(
                "{\"activity\":\"x\",\"testFlag\":0}",
                "{\"activity\":\"x\",\"testFlag\":\"0\"}",
                raw);
    }

    @Test
    void candidatesHaveNoRepeats() {
        assertThat(CanonicalPayload.candidates(utf8(SpecExamples.NEW_INSTANCE_BODY)))
                .containsExactly(SpecExamples.NEW_INSTANCE_BODY);
    }

    @Test
    void aBodyThatIsNotAJsonObjectHasOnlyTheRawCandidateAndCannotBeCanonicalised() {
        assertThat(CanonicalPayload.candidates(utf8("not json"))).containsExactly("not json");
        assertThatThrownBy(() -> CanonicalPayload.of("[1,2]"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> CanonicalPayload.of("{\"a\":"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void anyMatchesTriesTheCandidatesInOrderAndStopsAtTheFirstMatch() {
        String raw = "{\"testFlag\":0, \"activity\":\"x\"}";
        java.util.List<String> tried = new java.util.ArrayList<>();
        assertThat(CanonicalPayload.anyMatches(utf8(raw), p -> tried.add(p) && p.equals(raw))).isTrue();
        assertThat(tried).containsExactlyElementsOf(CanonicalPayload.candidates(utf8(raw)));
        tried.clear();
        assertThat(CanonicalPayload.anyMatches(utf8(raw), p -> tried.add(p) && false)).isFalse();
        assertThat(tried).hasSize(3);
        tried.clear();
        assertThat(CanonicalPayload.anyMatches(utf8(raw), p -> tried.add(p))).isTrue();
        assertThat(tried).containsExactly("{\"activity\":\"x\",\"testFlag\":0}");
        assertThat(CanonicalPayload.anyMatches(utf8("not json"), "not json"::equals)).isTrue();
    }
}
