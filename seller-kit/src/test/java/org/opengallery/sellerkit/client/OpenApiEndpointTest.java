package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OpenApiEndpointTest {

    @Test
    void theChinaSiteHasTheDocumentedBackupHost() {
        assertThat(OpenApiEndpoint.CHINA.bases()).containsExactly(
                URI.create("https://mkt.myhuaweicloud.com"), URI.create("https://mkt.myhuaweicloud.cn"));
    }

    @Test
    void theInternationalAndEuSitesHaveNoBackup() {
        assertThat(OpenApiEndpoint.INTERNATIONAL.bases()).containsExactly(
                URI.create("https://mkt-intl.myhuaweicloud.com"));
        assertThat(OpenApiEndpoint.EU.bases()).containsExactly(URI.create("https://mkt.myhuaweicloud.eu"));
        assertThat(OpenApiEndpoint.EU.backupBase()).isEmpty();
    }

    @Test
    void anOverriddenBaseKeepsPortAndPathPrefixWithoutTrailingSlash() {
        OpenApiEndpoint endpoint = OpenApiEndpoint.of("HTTP://127.0.0.1:8443/gallery/");

        assertThat(endpoint.primary()).isEqualTo(URI.create("http://127.0.0.1:8443/gallery"));
        assertThat(OpenApiEndpoint.resolve(endpoint.primary(), QueryOrderClient.PATH, "orderId=X"))
                .isEqualTo(URI.create(
                        "http://127.0.0.1:8443/gallery/api/mkp-openapi-public/global/v1/order/query?orderId=X"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://mkt.example", "mkt.myhuaweicloud.com", "https://mkt.example?x=1",
            "https://user@mkt.example", "https://mkt.example#frag", "https:///path", "not a url"})
    void anythingButAnHttpBaseUrlIsRejected(String url) {
        assertThatThrownBy(() -> OpenApiEndpoint.of(url)).isInstanceOf(IllegalArgumentException.class);
    }
}
