package org.opengallery.protocol.apig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonicalisation rules, one per test, checked through the public {@link ApigSigner#canonicalRequest}. */
class CanonicalRequestTest {

    private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static String[] linesOf(ApigRequest request, List<String> signedHeaders) {
        return ApigSigner.canonicalRequest(request, signedHeaders).split("\n", -1);
    }

    private static String canonicalUri(String uri) {
        return linesOf(ApigRequest.builder("GET", uri).build(), List.of("host"))[1];
    }

    private static String canonicalQuery(String uri) {
        return linesOf(ApigRequest.builder("GET", uri).build(), List.of("host"))[2];
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://h/v1/vpcs,     /v1/vpcs/",
            "https://h/v1/vpcs/,    /v1/vpcs/",
            "https://h,             /",
            "https://h/,            /",
            "/api/order/query,      /api/order/query/",
    })
    void canonicalUriGetsATrailingSlash(String uri, String canonical) {
        assertThat(canonicalUri(uri)).isEqualTo(canonical);
    }

    @Test
    void canonicalUriOfARelativePathGetsALeadingSlash() {
        assertThat(CanonicalRequest.uri("a/b")).isEqualTo("/a/b/");
    }

    @Test
    void canonicalUriEncodesEachSegmentRfc3986StyleKeepingTildeAndUsingPercent20ForSpace() {
        // %20 decodes to a space and is re-encoded as %20; '+' and '*' are literal and get encoded; '~' stays.
        assertThat(canonicalUri("https://h/a%20b/~c-d_e.f/%E4%B8%AD/+*"))
                .isEqualTo("/a%20b/~c-d_e.f/%E4%B8%AD/%2B%2A/");
    }

    @Test
    void canonicalUriDecodesBeforeEncodingSoEquivalentSpellingsAgree() {
        assertThat(canonicalUri("https://h/%7Euser/%61bc")).isEqualTo("/~user/abc/");
        assertThat(canonicalUri("https://h/caf%C3%A9")).isEqualTo("/caf%C3%A9/");
    }

    @Test
    void canonicalUriTreatsAnEncodedSlashAsASlashAsHuaweisSignerDoes() {
        assertThat(canonicalUri("https://h/a%2Fb")).isEqualTo("/a/b/");
    }

    @Test
    void canonicalUriKeepsEmptySegments() {
        assertThat(canonicalUri("https://h/a//b")).isEqualTo("/a//b/");
    }

    @Test
    void canonicalQueryIsSortedByNameThenValue() {
        assertThat(canonicalQuery("https://h/p?orderLineId=CS2207261447AUY4H-000001&orderId=CS2207261447AUY4H"))
                .isEqualTo("orderId=CS2207261447AUY4H&orderLineId=CS2207261447AUY4H-000001");
        assertThat(canonicalQuery("https://h/p?b=2&a=1&a=0")).isEqualTo("a=0&a=1&b=2");
    }

    @Test
    void canonicalQuerySortsByNameBeforeValueNotByTheJoinedPair() {
        // As joined strings "a-b=1" < "a=2"; by name, "a" comes first.
        assertThat(canonicalQuery("https://h/p?a-b=1&a=2")).isEqualTo("a=2&a-b=1");
    }

    @Test
    void canonicalQuerySortsByTheEncodedName() {
        // "a b" encodes to "a%20b", and '%' sorts before '-'.
        assertThat(canonicalQuery("https://h/p?a-b=1&a%20b=2")).isEqualTo("a%20b=2&a-b=1");
    }

    @Test
    void canonicalQueryEncodesNamesAndValuesRfc3986Style() {
        assertThat(canonicalQuery("https://h/p?q=hello%20world!&t=~x*&%E5%90%8D=%E5%80%BC&e=a%3Db%26c"))
                .isEqualTo("%E5%90%8D=%E5%80%BC&e=a%3Db%26c&q=hello%20world%21&t=~x%2A");
    }

    @Test
    void canonicalQueryReadsAPlusAsASpaceAsHuaweisSignerDoes() {
        assertThat(canonicalQuery("https://h/p?q=a+b")).isEqualTo("q=a%20b");
        assertThat(canonicalQuery("https://h/p?q=a%2Bb")).isEqualTo("q=a%2Bb");
    }

    @Test
    void canonicalQueryWritesAParameterWithoutValueAsNameEquals() {
        assertThat(canonicalQuery("https://h/p?flag&x=1&empty=")).isEqualTo("empty=&flag=&x=1");
    }

    @Test
    void canonicalQueryDropsItemsWithoutAName() {
        assertThat(canonicalQuery("https://h/p?=orphan&&a=1&")).isEqualTo("a=1");
    }

    @Test
    void canonicalQueryIsEmptyWithoutAQuery() {
        assertThat(canonicalQuery("https://h/p")).isEmpty();
        assertThat(canonicalQuery("https://h/p?")).isEmpty();
    }

    @Test
    void canonicalHeadersAreLowerCasedTrimmedAndFollowTheSignedHeadersOrder() {
        ApigRequest request = ApigRequest.builder("GET", "https://mkt.example.com/p")
                .header("X-Custom", "  spaced value \t")
                .header("CONTENT-TYPE", "application/json")
                .header("X-Sdk-Date", "20191115T033655Z")
                .build();

        String[] lines = linesOf(request, ApigSigner.signedHeaders(request));

        assertThat(lines[3]).isEqualTo("content-type:application/json");
        assertThat(lines[4]).isEqualTo("host:mkt.example.com");
        assertThat(lines[5]).isEqualTo("x-custom:spaced value");
        assertThat(lines[6]).isEqualTo("x-sdk-date:20191115T033655Z");
        assertThat(lines[7]).isEmpty();
        assertThat(lines[8]).isEqualTo("content-type;host;x-custom;x-sdk-date");
    }

    @Test
    void signedHeaderNamesAreLowerCasedWhateverCaseTheyAreGivenIn() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p").header("x-sdk-date", "d").build();

        String[] lines = linesOf(request, List.of("Host", "X-Sdk-Date"));

        assertThat(lines[3]).isEqualTo("host:h");
        assertThat(lines[4]).isEqualTo("x-sdk-date:d");
        assertThat(lines[6]).isEqualTo("host;x-sdk-date");
    }

    @Test
    void aSignedHeaderTheRequestLacksCountsAsEmpty() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p").build();

        assertThat(linesOf(request, List.of("host", "x-missing"))[4]).isEqualTo("x-missing:");
    }

    @Test
    void bodyHashOfAnEmptyBodyIsTheSha256OfTheEmptyString() {
        ApigRequest request = ApigRequest.builder("GET", "https://h/p").build();

        String[] lines = linesOf(request, List.of("host"));

        assertThat(lines[lines.length - 1]).isEqualTo(EMPTY_BODY_SHA256);
    }

    @Test
    void bodyHashIsTheLowerHexSha256OfTheBodyBytes() {
        // sha256("abc"), FIPS 180-2 appendix B.1
        assertThat(CanonicalRequest.bodyHash("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void methodIsUpperCased() {
        ApigRequest request = ApigRequest.builder("post", "https://h/p").build();

        assertThat(linesOf(request, List.of("host"))[0]).isEqualTo("POST");
    }

    @Test
    void encodingKeepsOnlyRfc3986UnreservedCharacters() {
        assertThat(CanonicalRequest.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(CanonicalRequest.encode(" !*'();:@&=+$,/?#[]%")).isEqualTo(
                "%20%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%25");
    }
}
