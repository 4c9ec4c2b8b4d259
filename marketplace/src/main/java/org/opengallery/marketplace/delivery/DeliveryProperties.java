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

    /** When failed calls are tried again, and for how long. */
    public static class Retry {
        /** newInstance, upgradeInstance, orderNotify. */
        private Duration provisioningWindow = Duration.ofHours(3);
        /** refreshInstance, updateInstanceStatus, releaseInstance (V1: 1 h; V2: unconfirmed, same). */
        private Duration lifecycleWindow = Duration.ofHours(1);
        /** Delay before the first retry. */
        private Duration initialInterval = Duration.ofMinutes(2);
        /** Each further retry waits this many times longer ... */
        private double multiplier = 2.0;
        /** ... but never longer than this. */
        private Duration maxInterval = Duration.ofMinutes(30);

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

    /** How often queryInstance is polled after an asynchronous create, until the appInfo arrives. */
    public static class Query {
        private Duration initialInterval = Duration.ofSeconds(3);
        private double multiplier = 2.0;
        private Duration maxInterval = Duration.ofMinutes(5);

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

    /** The n-th delay (n from 0) of an exponential backoff. */
    static Duration backoff(Duration initial, double multiplier, Duration max, int n) {
        double millis = initial.toMillis() * Math.pow(Math.max(1.0, multiplier), Math.max(0, n));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
