/**
 * What a seller calls on KooGallery: {@link org.opengallery.sellerkit.client.QueryOrderClient} (the order behind a
 * V2 create or upgrade, AK/SK signed), {@link org.opengallery.sellerkit.client.UsagePushClient} (pay-per-use usage,
 * signed, batched, retried without double counting) and {@link org.opengallery.sellerkit.client.OAuthClient}
 * (joint-operation login). The open APIs live at an {@link org.opengallery.sellerkit.client.OpenApiEndpoint}: a
 * published site with its backup host, or any base URL (OpenGallery's marketplace, a test server).
 *
 * <p>All of them use the JDK's {@code java.net.http} client with the JDK's certificate validation (a caller may
 * only swap the trusted authorities through an {@code SSLContext}), sign with the protocol module, log at debug
 * nothing but paths and result codes, and redact keys, tokens and secrets from {@code toString()}.
 */
package org.opengallery.sellerkit.client;
