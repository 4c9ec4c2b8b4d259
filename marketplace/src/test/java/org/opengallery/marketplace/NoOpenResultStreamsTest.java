package org.opengallery.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JdbcClient's {@code query(...).stream()} keeps its connection until the stream is closed; a
 * {@code .stream().limit(n).toList()} never closes it, and a few such calls drained the pool and hung every test.
 * Use {@code .list()} (with SQL {@code LIMIT}) or a try-with-resources stream.
 */
class NoOpenResultStreamsTest {

    /** JdbcClient's {@code query(mapper)}: one argument, a method reference, class literal or {@code (rs, n) ->} lambda. */
    private static final Pattern OPEN_STREAM = Pattern.compile(
            "\\.query\\(\\s*(?:[\\w.:]+|\\(\\w+,\\s*\\w+\\)\\s*->(?:[^;\"]|\"[^\"]*\")*?)\\)\\s*\\.stream\\(\\)");

    @Test
    void noQueryResultIsStreamedWithoutClosingIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher m = OPEN_STREAM.matcher(source);
                while (m.find()) {
                    if (!source.substring(Math.max(0, m.start() - 200), m.start()).contains("try (")) {
                        offenders.add(f.getFileName() + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
