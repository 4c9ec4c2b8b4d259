package org.opengallery.sellerkit.spring;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.sellerkit.JointOperationSync;
import org.opengallery.sellerkit.OrderSource;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.SellerKit;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.opengallery.sellerkit.client.UsagePushClient;
import javax.sql.DataSource;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.JdbcKitStore;
import org.opengallery.sellerkit.store.JdbcNonceReplayGuard;
import org.opengallery.sellerkit.store.KitStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Builds a {@link SellerKit} from {@code opengallery.seller.*} and the application's {@link SaasSeller} bean,
 * and mounts it at the production path and under {@code /produceAPI/v2/}. Every bean backs off when the
 * application defines its own; {@code opengallery.seller.enabled=false} turns it all off.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnProperty(prefix = "opengallery.seller", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SellerKitProperties.class)
public class SellerKitAutoConfiguration {

    /** In the application's database when it has one (state survives restarts, nodes share it); else in memory. */
    @Bean
    @ConditionalOnMissingBean
    KitStore kitStore(ObjectProvider<DataSource> dataSource) {
        DataSource db = dataSource.getIfUnique();
        return db == null ? new InMemoryKitStore() : JdbcKitStore.create(db);
    }

    /** Replay protection across nodes, in the application's database when it has one. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    NonceReplayGuard nonceReplayGuard(DataSource dataSource) {
        return JdbcNonceReplayGuard.create(dataSource, java.time.Clock.systemUTC());
    }

    /** Query Order, when the open API is configured; without it V2 creates carry only ids. */
    @Bean
    @ConditionalOnMissingBean(OrderSource.class)
    @ConditionalOnProperty(prefix = "opengallery.seller.open-api", name = {"base-url", "ak", "sk"})
    QueryOrderClient queryOrderClient(SellerKitProperties properties) {
        SellerKitProperties.OpenApi api = properties.getOpenApi();
        return QueryOrderClient.builder(OpenApiEndpoint.of(api.getBaseUrl())).credentials(api.getAk(), api.getSk()).build();
    }

    /** Usage push for pay-per-use products, signed with the basic-interface key as the spec says. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "opengallery.seller.open-api", name = "base-url")
    UsagePushClient usagePushClient(SellerKitProperties properties) {
        String key = properties.keyOrShared(properties.getBasicKey());
        if (key == null || key.isEmpty()) {
            throw new IllegalStateException("usage push needs opengallery.seller.basic-key (or access-key)");
        }
        return UsagePushClient.builder(OpenApiEndpoint.of(properties.getOpenApi().getBaseUrl())).key(key).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(SaasSeller.class)
    SellerKit sellerKit(SellerKitProperties properties, SaasSeller seller, KitStore store,
                        ObjectProvider<OrderSource> orders, ObjectProvider<JointOperationSync> sync,
                        ObjectProvider<NonceReplayGuard> nonceGuard,
                        ObjectProvider<SellerKitCustomizer> customizers) {
        SellerKit.Builder builder = SellerKit.builder()
                .basicKey(properties.keyOrShared(properties.getBasicKey()))
                .v1Key(properties.keyOrShared(properties.getV1Key()))
                .kitKey(properties.keyOrShared(properties.getKitKey()))
                .encryptType(EncryptType.fromCode(properties.getEncryptType()))
                .timeWindow(properties.getTimeWindow())
                .asyncBudget(properties.getAsyncBudget())
                .lease(properties.getLease())
                .v1AsyncCreate(properties.isV1AsyncCreate())
                .seller(seller)
                .store(store)
                .orders(orders.getIfAvailable())
                .sync(sync.getIfAvailable());
        nonceGuard.ifAvailable(builder::nonceGuard);
        if (properties.getSyncPrivateKey() != null && !properties.getSyncPrivateKey().isBlank()) {
            builder.syncPrivateKey(privateKey(properties.getSyncPrivateKey()));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build().start();
    }

    /** Reads a PKCS#8 private key given as PEM or bare Base64. */
    static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("opengallery.seller.sync-private-key is not a PKCS#8 RSA private key", e);
        }
    }

    /** Mounts the kit in a servlet application; nested conditions on beans are unreliable, so this stays flat. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(SaasSeller.class)
    @ConditionalOnMissingBean(name = "productionInterfaceServlet")
    ServletRegistrationBean<ProductionInterfaceServlet> productionInterfaceServlet(SellerKit kit,
                                                                                  SellerKitProperties properties) {
        ServletRegistrationBean<ProductionInterfaceServlet> registration = new ServletRegistrationBean<>(
                new ProductionInterfaceServlet(kit), properties.getProductionPath(), "/produceAPI/v2/*");
        registration.setName("productionInterfaceServlet");
        return registration;
    }
}
