package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opengallery.sellerkit.SellerKit;

/**
 * A rough throughput probe, not part of the default run ({@code -Dopengallery.delivery.throughput=N}): N V2
 * creates, each in its own caller transaction from 8 threads, delivered through the seller kit (create + query).
 */
@EnabledIfSystemProperty(named = "opengallery.delivery.throughput", matches = "\\d+")
class DeliveryThroughputTest extends DeliveryTestBase {

    @Test
    void deliveriesPerSecond() throws Exception {
        int n = Integer.parseInt(System.getProperty("opengallery.delivery.throughput"));
        RecordingSeller seller = new RecordingSeller();
        try (SellerKit kit = v2Kit(seller, Duration.ofSeconds(3)); SellerServer server = SellerServer.start(kit::handle)) {
            long sellerId = newSellerId();
            long start = System.nanoTime();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            for (int i = 0; i < n; i++) {
                callers.submit(() -> calls.newInstance(new DeliveryCommand.NewInstance(
                        v2(sellerId, server.url(), null), order("NEW"))));
            }
            callers.shutdown();
            callers.awaitTermination(5, TimeUnit.MINUTES);
            long submitted = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM delivery_call WHERE seller_id = ? AND status = 'SUCCEEDED'", Long.class, sellerId) == n);
            long done = System.nanoTime();
            System.err.printf("throughput: %d calls submitted in %d ms, all delivered in %d ms: %.0f deliveries/s%n", n,
                    (submitted - start) / 1_000_000, (done - start) / 1_000_000, n * 1e9 / (done - start));
            assertThat(seller.creates).hasSize(n);
        }
    }
}
