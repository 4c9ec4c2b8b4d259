package org.opengallery.sellerkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.SellerKit;
import org.opengallery.sellerkit.store.InMemoryKitStore;
import org.opengallery.sellerkit.store.KitStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

class SellerKitAutoConfigurationTest {

    static final SaasSeller SELLER = order -> new AppInfo("https://x.example", null, null, null, null);

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SellerKitAutoConfiguration.class));

    @Test
    void aSellerBeanAndAKeyGiveAKit() {
        runner.withBean(SaasSeller.class, () -> SELLER)
                .withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context).hasSingleBean(SellerKit.class).hasSingleBean(KitStore.class));
    }

    @Test
    void theOpenApiPropertiesGiveQueryOrderAndUsagePushClients() {
        runner.withBean(SaasSeller.class, () -> SELLER)
                .withPropertyValues("opengallery.seller.access-key=k", "opengallery.seller.open-api.base-url=http://127.0.0.1:9",
                        "opengallery.seller.open-api.ak=AK", "opengallery.seller.open-api.sk=SK")
                .run(context -> assertThat(context).hasSingleBean(org.opengallery.sellerkit.OrderSource.class)
                        .hasSingleBean(org.opengallery.sellerkit.client.UsagePushClient.class));
    }

    @Test
    void withoutTheOpenApiThereIsNoQueryOrderClient() {
        runner.withBean(SaasSeller.class, () -> SELLER).withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context).doesNotHaveBean(org.opengallery.sellerkit.OrderSource.class));
    }

    @Test
    void withADataSourceTheKitKeepsItsStateAndNoncesInTheDatabase() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:starter-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(SaasSeller.class, () -> SELLER).withBean(javax.sql.DataSource.class, () -> h2)
                .withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> {
                    assertThat(context.getBean(KitStore.class)).isInstanceOf(org.opengallery.sellerkit.store.JdbcKitStore.class);
                    assertThat(context).hasSingleBean(org.opengallery.sellerkit.store.JdbcNonceReplayGuard.class);
                });
    }

    @Test
    void withoutADataSourceTheStoreIsInMemory() {
        runner.withBean(SaasSeller.class, () -> SELLER).withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context.getBean(KitStore.class)).isInstanceOf(InMemoryKitStore.class));
    }

    @Test
    void withoutASellerBeanThereIsNoKit() {
        runner.withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context).doesNotHaveBean(SellerKit.class));
    }

    @Test
    void enabledFalseTurnsEverythingOff() {
        runner.withBean(SaasSeller.class, () -> SELLER)
                .withPropertyValues("opengallery.seller.access-key=k", "opengallery.seller.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SellerKit.class).doesNotHaveBean(KitStore.class));
    }

    @Test
    void theApplicationsOwnStoreIsUsed() {
        InMemoryKitStore own = new InMemoryKitStore();
        runner.withBean(SaasSeller.class, () -> SELLER).withBean(KitStore.class, () -> own)
                .withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context.getBean(SellerKit.class).store()).isSameAs(own));
    }

    @Test
    void withoutAnyKeyStartupFailsSayingWhatIsMissing() {
        runner.withBean(SaasSeller.class, () -> SELLER)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("configure at least one key"));
    }

    @Test
    void customizersSeeTheBuilder() {
        runner.withBean(SaasSeller.class, () -> SELLER)
                .withBean(SellerKitCustomizer.class, () -> builder -> builder.v1AsyncCreate(true))
                .withPropertyValues("opengallery.seller.access-key=k")
                .run(context -> assertThat(context).hasSingleBean(SellerKit.class));
    }

    @Test
    void inAServletApplicationTheKitIsMountedAtTheProductionPathAndTheSyncPaths() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SellerKitAutoConfiguration.class))
                .withBean(SaasSeller.class, () -> SELLER)
                .withPropertyValues("opengallery.seller.access-key=k", "opengallery.seller.production-path=/produce")
                .run(context -> {
                    ServletRegistrationBean<?> registration = context.getBean("productionInterfaceServlet",
                            ServletRegistrationBean.class);
                    assertThat(registration.getUrlMappings()).containsExactlyInAnyOrder("/produce", "/produceAPI/v2/*");
                });
    }
}
