package org.opengallery.marketplace.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The delivery engine's configuration, {@code opengallery.delivery.*}.
 *
 * <p>Retry windows follow KooGallery: create ({@code newInstance}), upgrade and order notification are retried
 * for 3 hours, then given up (the order capability unsubscribes and refunds a failed create or upgrade).
 * Renewal ({@code refreshInstance}), status change and release are retried for 1 hour: V1 documents 1 hour; the V2
 * retry schedule for these activities is UNCONFIRMED (protocol-v2.md §3.10: the License-online analogue says
 * 2 hours) and we take V1's 1 hour for both versions, the tolerant choice being to keep the documented V1 value
 * until a V2 figure is confirmed; the seller can always restart (重新启动) afterwards.
 */
@ConfigurationProperties("opengallery.delivery")
public class DeliveryProperties {

    /** Connect and request timeout of one call to a seller (KooGallery: 5 s). */
    private Duration timeout = Duration.ofSeconds(5);

    private final Retry retry = new Retry();
    private final Query query = new Query();
    private final Mail mail = new Mail();

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Retry getRetry() {
        return retry;
    }

    public Query getQuery() {
        return query;
    }

    public Mail getMail() {
        return mail;
    }

    /**
     * An exponential backoff: the first delay, how many times longer each further one waits, and the longest wait.
     * Retries and queryInstance polls are both this shape, with their own defaults.
     */
    public static class Backoff {
        private Duration initialInterval;
        private double multiplier;
        private Duration maxInterval;

        Backoff(Duration initialInterval, double multiplier, Duration maxInterval) {
            this.initialInterval = initialInterval;
            this.multiplier = multiplier;
            this.maxInterval = maxInterval;
        }

        /** The n-th delay (n from 0). */
        public Duration delay(int n) {
            double millis = initialInterval.toMillis() * Math.pow(Math.max(1.0, multiplier), Math.max(0, n));
            return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** When failed calls are tried again (2 min, doubling, at most 30 min), and for how long. */
    public static class Retry extends Backoff {
        /** newInstance, upgradeInstance, orderNotify. */
        private Duration provisioningWindow = Duration.ofHours(3);
        /** refreshInstance, updateInstanceStatus, releaseInstance (V1: 1 h; V2: unconfirmed, same). */
        private Duration lifecycleWindow = Duration.ofHours(1);

        Retry() {
            super(Duration.ofMinutes(2), 2.0, Duration.ofMinutes(30));
        }

        public Duration getProvisioningWindow() {
            return provisioningWindow;
        }

        public void setProvisioningWindow(Duration provisioningWindow) {
            this.provisioningWindow = provisioningWindow;
        }

        public Duration getLifecycleWindow() {
            return lifecycleWindow;
        }

        public void setLifecycleWindow(Duration lifecycleWindow) {
            this.lifecycleWindow = lifecycleWindow;
        }
    }

    /** How often queryInstance is polled after an asynchronous create (3 s, doubling, at most 5 min). */
    public static class Query extends Backoff {
        Query() {
            super(Duration.ofSeconds(3), 2.0, Duration.ofMinutes(5));
        }
    }

    /** Failure e-mail to the seller's customer-service address (sent only when spring.mail.host is set). */
    public static class Mail {
        private String from = "noreply@opengallery.local";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }
}
