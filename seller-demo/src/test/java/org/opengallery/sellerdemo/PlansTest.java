package org.opengallery.sellerdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class PlansTest {

    final Plans plans = new Plans(Set.of("b-monthly", "b-yearly"), Set.of("p-monthly", "p-yearly"));

    @Test
    void aProSkuCodeBuysTheProPlan() {
        assertThat(plans.forSku("p-yearly", "order 1")).isEqualTo(Plan.PRO);
    }

    @Test
    void aBasicSkuCodeBuysTheBasicPlan() {
        assertThat(plans.forSku("b-monthly", "order 1")).isEqualTo(Plan.BASIC);
    }

    @Test
    void anUnknownSkuCodeGetsTheBasicPlanAndIsLogged(CapturedOutput output) {
        assertThat(plans.forSku("p-weekly", "order CS1")).isEqualTo(Plan.BASIC);
        assertThat(output.getAll()).contains("order CS1: skuCode p-weekly is in neither seller-demo.plans.basic nor"
                + " seller-demo.plans.pro: the basic plan");
    }

    @Test
    void anOrderWithoutASkuCodeGetsTheBasicPlan() {
        assertThat(plans.forSku(null, "order 1")).isEqualTo(Plan.BASIC);
    }

    @Test
    void withoutConfigurationTheSkuCodesBasicAndProNameTheirPlans() {
        Plans unconfigured = new Plans(null, null);
        assertThat(unconfigured.forSku("pro", "order 1")).isEqualTo(Plan.PRO);
        assertThat(unconfigured.forSku("basic", "order 1")).isEqualTo(Plan.BASIC);
    }

    @Test
    void theConfigurationListsSkuCodesCommaSeparated() {
        runner().withPropertyValues("seller-demo.plans.pro=p-monthly, p-yearly").run(context -> {
            Plans configured = context.getBean(Plans.class);
            assertThat(configured.forSku("p-monthly", "order 1")).isEqualTo(Plan.PRO);
            assertThat(configured.forSku("p-yearly", "order 1")).isEqualTo(Plan.PRO);
        });
    }

    @Test
    void aSkuCodeInBothPlansStopsTheStart() {
        runner().withPropertyValues("seller-demo.plans.basic=one,two", "seller-demo.plans.pro=two").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("skuCodes [two] are in both seller-demo.plans.basic and seller-demo.plans.pro"));
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(PlansConfiguration.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Plans.class)
    static class PlansConfiguration {
    }
}
