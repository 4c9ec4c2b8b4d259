package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void secretsInAQuotedAnswerAreMasked() {
        String body = "{\"info\":[{\"appInfo\":{\"password\":\"s3cr\\\"et\",\"userName\":\"admin\"}}],"
                + "\"clientSecret\" : \"abc\"}";

        assertThat(Excerpt.of(body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"info\":[{\"appInfo\":{\"password\":\"***\",\"userName\":\"admin\"}}],\"clientSecret\" : \"***\"}");
    }

    @Test
    void aLongAnswerIsCutAt200CharactersOnOneLine() {
        String excerpt = Excerpt.of("<html>\n  <body>" + "x".repeat(500) + "</body>\n</html>");

        assertThat(excerpt).hasSize(203).endsWith("...").doesNotContain("\n").startsWith("<html> <body>x");
    }

    @Test
    void anEmptyAnswerSaysSo() {
        assertThat(Excerpt.of(new byte[0])).isEqualTo("(empty body)");
    }
}
