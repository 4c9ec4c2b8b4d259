package org.opengallery.marketplace.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.openapi.InMemoryPorts;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@MarketplaceTest
@Import(InMemoryPorts.All.class)
class MeteringServiceTest {

    @Autowired MeteringService metering;
    @Autowired MutableClock clock;
    @Autowired InMemoryPorts.Instances instances;
    @Autowired InMemoryPorts.Charges charges;

    @Test
    void concurrentIntakesOfTheSameRecordStoreAndChargeItOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MeteredInstance instance = new MeteredInstance("inst-" + run, "seller-" + run, List.of("k"), "prod",
                ChargingMode.Known.ON_DEMAND, MeteredInstance.Status.RUNNING, new BigDecimal("0.5"), "buyer-" + run);
        instances.add(instance);
        Instant begin = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        UsageRecord record = new UsageRecord(instance.instanceId(), begin.plus(Duration.ofMinutes(70)), begin,
                begin.plus(Duration.ofHours(1)), new BigDecimal("4"), "sn-" + run, null);
        Map<String, MeteredInstance> known = metering.instances(List.of(instance.instanceId()));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<UsageRejection>>> intakes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                intakes.add(() -> metering.intake("seller-" + run, List.of(record), known));
            }
            for (Future<List<UsageRejection>> result : pool.invokeAll(intakes)) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(charges.of(instance.instanceId())).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("2"));
        assertThat(metering.usageOf(instance.instanceId())).hasSize(1);
    }

    @Test
    void usageAndChargesAreListedPerInstance() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant begin = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        for (String id : List.of("a-" + run, "b-" + run)) {
            instances.add(new MeteredInstance(id, "seller-" + run, List.of("k"), "prod", ChargingMode.Known.ON_DEMAND,
                    MeteredInstance.Status.RUNNING, new BigDecimal("0.0001"), "buyer-" + run));
        }
        List<UsageRecord> records = List.of(
                new UsageRecord("a-" + run, begin.plus(Duration.ofHours(2)), begin.plus(Duration.ofHours(1)),
                        begin.plus(Duration.ofHours(2)), new BigDecimal("0.0001"), "sn-2-" + run, null),
                new UsageRecord("a-" + run, begin.plus(Duration.ofHours(1)), begin, begin.plus(Duration.ofHours(1)),
                        new BigDecimal("12345678.9999"), "sn-1-" + run, null),
                new UsageRecord("b-" + run, begin.plus(Duration.ofHours(1)), begin, begin.plus(Duration.ofHours(1)),
                        new BigDecimal("3"), "sn-3-" + run, null));

        assertThat(metering.intake("seller-" + run, records,
                metering.instances(List.of("a-" + run, "b-" + run)))).isEmpty();

        assertThat(metering.usageOf("a-" + run)).extracting(MeteredUsage::meteringSn)
                .containsExactly("sn-1-" + run, "sn-2-" + run);
        assertThat(metering.chargedFor("a-" + run)).isEqualByComparingTo("1234.56790000");
        assertThat(metering.chargesOfBuyer("buyer-" + run)).containsOnlyKeys("a-" + run, "b-" + run);
        assertThat(metering.chargesOfBuyer("buyer-" + run).get("b-" + run)).isEqualByComparingTo("0.0003");
    }
}
