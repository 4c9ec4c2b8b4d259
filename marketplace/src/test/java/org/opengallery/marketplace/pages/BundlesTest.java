package org.opengallery.marketplace.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Both languages have every label, and every literal message key a template uses exists. Every bundle under
 * {@code marketplace/i18n} ({@code name.properties} with its {@code name_zh_CN.properties}) is checked.
 */
class BundlesTest {

    private static final Path I18N = Path.of("src/main/resources/marketplace/i18n");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/marketplace/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The English bundles' names: every {@code x.properties} without a locale suffix. */
    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    @Test
    void everyBundleIsOnTheMessageSourcesBasename() throws IOException {
        Properties config = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/marketplace.properties")) {
            config.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> basenames = List.of(config.getProperty("spring.messages.basename").split(","));
        for (String name : bundleNames()) {
            assertThat(basenames).as("spring.messages.basename").contains("marketplace/i18n/" + name);
        }
    }

    @Test
    void everyKeyInOneBundleIsInTheOther() throws IOException {
        for (String name : bundleNames()) {
            Set<String> en = new TreeSet<>(bundle(name + ".properties").stringPropertyNames());
            Set<String> zh = new TreeSet<>(bundle(name + "_zh_CN.properties").stringPropertyNames());
            assertThat(en).as(name).isNotEmpty();
            assertThat(zh).as("keys missing in " + name + "_zh_CN.properties").containsAll(en);
            assertThat(en).as("keys missing in " + name + ".properties").containsAll(zh);
        }
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String name : bundleNames()) {
            for (String key : bundle(name + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(name + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noLabelIsBlank() throws IOException {
        for (String name : bundleNames()) {
            for (String file : new String[] {name + ".properties", name + "_zh_CN.properties"}) {
                Properties p = bundle(file);
                for (String key : p.stringPropertyNames()) {
                    assertThat(p.getProperty(key)).as(file + " " + key).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties en = new Properties();
        for (String name : bundleNames()) {
            en.putAll(bundle(name + ".properties"));
        }
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
