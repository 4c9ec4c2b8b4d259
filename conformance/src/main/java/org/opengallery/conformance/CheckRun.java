package org.opengallery.conformance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.instance.AppInfo;

/**
 * One run of the checker against one seller: the settings, the caller that plays KooGallery, the order book,
 * and what earlier cases left for later ones (the instances delivered, the V1 credentials seen).
 */
public final class CheckRun {

    /** An instance the seller delivered, with the order line it was created for ({@code orderLineId} null in V1). */
    record Delivered(String instanceId, String orderId, String orderLineId) {
    }

    /** The credentials one V1 answer carried, with the {@code encryptType} it declared (null when absent). */
    record CredentialsSeen(String answer, String encryptType, AppInfo appInfo) {
    }

    private final CheckSettings settings;
    private final KooGalleryCaller platform;
    private final OrderBook orders;
    private final Patience patience;
    private final Map<InstanceRole, Delivered> instances = Collections.synchronizedMap(new EnumMap<>(InstanceRole.class));
    private final List<CredentialsSeen> v1Credentials = Collections.synchronizedList(new ArrayList<>());

    CheckRun(CheckSettings settings, OrderBook orders, Clock clock) {
        this.settings = settings;
        this.orders = orders;
        this.platform = new KooGalleryCaller(settings.productionUrl(), settings.accessKey(), clock);
        this.patience = new Patience(settings.provisioningTimeout());
    }

    CheckSettings settings() {
        return settings;
    }

    KooGalleryCaller platform() {
        return platform;
    }

    OrderBook orders() {
        return orders;
    }

    Patience patience() {
        return patience;
    }

    /** Remembers an instance the seller delivered, for later cases and for usage pushes to the mock. */
    void delivered(InstanceRole role, Delivered instance) {
        instances.put(role, instance);
        orders.recordDelivery(instance.instanceId());
    }

    /** The instance in this role; skips the calling case when no earlier case delivered it. */
    Delivered instance(InstanceRole role) {
        Delivered instance = instances.get(role);
        if (instance == null) {
            throw new CaseSkipped("needs " + role.description() + ", which was not delivered");
        }
        return instance;
    }

    Optional<Delivered> instanceIfAny(InstanceRole role) {
        return Optional.ofNullable(instances.get(role));
    }

    void sawV1Credentials(CredentialsSeen seen) {
        v1Credentials.add(seen);
    }

    List<CredentialsSeen> v1Credentials() {
        synchronized (v1Credentials) {
            return List.copyOf(v1Credentials);
        }
    }
}
