package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Case names are stable kebab-case, unique, and every one is explained in the README. */
class CasesTest {

    static List<Case> everyCase() {
        CheckSettings settings = CheckSettings.of(URI.create("http://127.0.0.1:1/saasproduce"), "k").withKit(null);
        List<Case> cases = new ArrayList<>(new ConformanceCheck(settings, null).cases());
        cases.addAll(V1Cases.cases());
        return cases;
    }

    @Test
    void namesAreUniqueKebabCase() {
        List<String> names = everyCase().stream().map(Case::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void theReadmeListsEveryCase() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(everyCase()).allSatisfy(c -> assertThat(readme).contains("`" + c.name() + "`"));
    }

    @Test
    void kitCasesComeOnlyWithTheKitOption() {
        URI url = URI.create("http://127.0.0.1:1/saasproduce");

        assertThat(new ConformanceCheck(CheckSettings.of(url, "k"), null).cases())
                .noneMatch(c -> c.name().startsWith("kit-"));
        assertThat(new ConformanceCheck(CheckSettings.of(url, "k").withProtocol(Protocol.V1), null).cases())
                .allMatch(c -> c.name().startsWith("v1-"));
    }
}
