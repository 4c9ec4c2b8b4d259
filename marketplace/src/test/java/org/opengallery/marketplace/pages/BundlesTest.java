package org.opengallery.marketplace.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every label, and every literal message key a template uses exists. */
class BundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/marketplace/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyInOneBundleIsInTheOther() throws IOException {
        Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(bundle("messages_zh_CN.properties").stringPropertyNames());
        assertThat(en).isNotEmpty();
        assertThat(zh).as("keys missing in messages_zh_CN.properties").containsAll(en);
        assertThat(en).as("keys missing in messages.properties").containsAll(zh);
    }

    @Test
    void noLabelIsBlank() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(name + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties en = bundle("messages.properties");
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/marketplace/templates"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
