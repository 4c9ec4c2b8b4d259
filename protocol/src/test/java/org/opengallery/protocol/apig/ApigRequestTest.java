package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApigRequestTest {

    @Test
    void hostComesFromTheUriWithThePortOnlyWhenSpelledOut() {
        assertThat(ApigRequest.builder("GET", "https://mkt.myhuaweicloud.com/p").build().host())
                .isEqualTo("mkt.myhuaweicloud.com");
        assertThat(ApigRequest.builder("GET", "https://localhost:8443/p").build().host()).isEqualTo("localhost:8443");
        assertThat(ApigRequest.builder("GET", "https://user@h/p").build().host()).isEqualTo("h");
    }

    @Test
    void aHostHeaderWinsOverTheUri() {
        ApigRequest request = ApigRequest.builder("GET", "https://a.example/p").header("host", "b.example").build();

        assertThat(request.host()).isEqualTo("b.example");
    }

    @Test
    void aRequestTargetWithoutHostHeaderHasAnEmptyHost() {
        assertThat(ApigRequest.builder("GET", "/p?x=1").build().host()).isEmpty();
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheLastSpellingWins() {
        ApigRequest request = ApigRequest.builder("GET", "/p")
                .header("content-type", "text/plain")
                .header("Content-Type", "application/json")
                .build();

        assertThat(request.header("CONTENT-TYPE")).contains("application/json");
        assertThat(request.headers()).hasSize(1).containsKey("content-type");
        assertThat(request.headers().keySet()).containsExactly("Content-Type");
    }

    @Test
    void methodIsUpperCased() {
        assertThat(ApigRequest.builder("patch", "/p").build().method()).isEqualTo("PATCH");
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        ApigRequest request = ApigRequest.builder("POST", "/p").body(bytes).build();
        bytes[0] = 'x';
        request.body()[1] = 'x';

        assertThat(request.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestWithoutBodyHasAnEmptyOne() {
        assertThat(ApigRequest.builder("GET", "/p").build().body()).isEmpty();
    }

    @Test
    void headersCannotBeChangedThroughTheMap() {
        ApigRequest request = ApigRequest.builder("GET", "/p").header("A", "1").build();

        assertThatThrownBy(() -> request.headers().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsWhatHttpCannotCarry() {
        assertThatThrownBy(() -> ApigRequest.builder("GE T", "/p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigRequest.builder("GET", "mailto:a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigRequest.builder("GET", "/p").header("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApigRequest.builder("GET", "/p").header("X-Injected", "a\r\nHost: evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNeitherHeaderValuesNorBody() {
        ApigRequest request = ApigRequest.builder("POST", "https://h/p")
                .header("X-Secret-Token", "t0ps3cret")
                .body("{\"password\":\"hunter2\"}")
                .build();

        assertThat(request.toString()).contains("POST", "X-Secret-Token").doesNotContain("t0ps3cret", "hunter2");
    }
}
