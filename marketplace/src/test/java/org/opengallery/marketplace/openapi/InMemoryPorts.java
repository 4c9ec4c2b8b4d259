package org.opengallery.marketplace.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opengallery.marketplace.metering.MeteredInstance;
import org.opengallery.marketplace.metering.MeteredInstances;
import org.opengallery.marketplace.metering.UsageCharge;
import org.opengallery.marketplace.metering.UsageCharges;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** In-memory stand-ins for the ports other capabilities will implement; test beans only. */
public final class InMemoryPorts {

    private InMemoryPorts() {
    }

    public static final class Credentials implements OpenApiCredentials {
        private final Map<String, OpenApiCredential> byAk = new ConcurrentHashMap<>();

        public void add(String accessKey, String sellerId, String secretKey) {
            byAk.put(accessKey, new OpenApiCredential(sellerId, secretKey));
        }

        @Override
        public Optional<OpenApiCredential> byAccessKey(String accessKey) {
            return Optional.ofNullable(byAk.get(accessKey));
        }
    }

    public static final class Orders implements OrderRecords {
        private final Map<String, OrderRecord> byId = new ConcurrentHashMap<>();

        public void add(OrderRecord order) {
            byId.put(order.orderId(), order);
        }

        @Override
        public Optional<OrderRecord> byOrderId(String orderId) {
            return Optional.ofNullable(byId.get(orderId));
        }
    }

    public static final class Instances implements MeteredInstances {
        private final Map<String, MeteredInstance> byId = new ConcurrentHashMap<>();

        public void add(MeteredInstance instance) {
            byId.put(instance.instanceId(), instance);
        }

        @Override
        public Optional<MeteredInstance> byInstanceId(String instanceId) {
            return Optional.ofNullable(byId.get(instanceId));
        }
    }

    /** Records every charge; {@link #failNext()} makes the next one throw, as a broken buyer ledger would. */
    public static final class Charges implements UsageCharges {
        private final List<UsageCharge> charges = new CopyOnWriteArrayList<>();
        private final AtomicBoolean failNext = new AtomicBoolean();

        public void failNext() {
            failNext.set(true);
        }

        @Override
        public void charge(UsageCharge charge) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("ledger unavailable");
            }
            charges.add(charge);
        }

        public List<UsageCharge> of(String instanceId) {
            return charges.stream().filter(c -> c.instanceId().equals(instanceId)).toList();
        }
    }

    /** All four ports. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class All {
        @Bean
        @org.springframework.context.annotation.Primary
        Credentials openApiCredentials() {
            return new Credentials();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        Orders orderRecords() {
            return new Orders();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        Instances meteredInstances() {
            return new Instances();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        Charges usageCharges() {
            return new Charges();
        }
    }

    /** Only the credentials: the state of a marketplace whose order capability is not wired in yet. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CredentialsOnly {
        @Bean
        @org.springframework.context.annotation.Primary
        Credentials openApiCredentials() {
            return new Credentials();
        }
    }
}
