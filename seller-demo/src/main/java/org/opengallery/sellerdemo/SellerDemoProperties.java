package org.opengallery.sellerdemo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seller-demo.*}.
 *
 * @param publicUrl where buyers reach the workspaces, e.g. https://notes.example.com; defaults to the local address
 * @param jdbcUrl   the database (read by {@code spring.datasource.url}); embedded H2 in memory by default
 */
@ConfigurationProperties("seller-demo")
public record SellerDemoProperties(String publicUrl, String jdbcUrl) {

    public SellerDemoProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://127.0.0.1:8080" : publicUrl.replaceAll("/+$", "");
    }
}
