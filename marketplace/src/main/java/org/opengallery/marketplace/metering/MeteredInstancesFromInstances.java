package org.opengallery.marketplace.metering;

import java.math.BigDecimal;
import java.util.Optional;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.Sellers;
import org.springframework.stereotype.Component;

/** Metering's view of an instance, from the instance, catalog and seller capabilities. */
@Component
class MeteredInstancesFromInstances implements MeteredInstances {

    private final Instances instances;
    private final Catalog catalog;
    private final Sellers sellers;

    MeteredInstancesFromInstances(Instances instances, Catalog catalog, Sellers sellers) {
        this.instances = instances;
        this.catalog = catalog;
        this.sellers = sellers;
    }

    @Override
    public Optional<MeteredInstance> byInstanceId(String instanceId) {
        return instances.byInstanceId(instanceId).map(this::metered);
    }

    private MeteredInstance metered(Instance i) {
        BigDecimal unitPrice = catalog.sku(i.skuCode()).map(Sku::unitPrice).orElse(null);
        return new MeteredInstance(i.instanceId(), Long.toString(i.sellerId()),
                sellers.basicKeys(i.sellerId()).stream().map(AccessKey::key).toList(), i.productId(),
                i.chargingMode(), status(i), unitPrice, Long.toString(i.buyerId()));
    }

    /** A failed instance never ran: for metering it is as good as released (usage refused with 013). */
    private static MeteredInstance.Status status(Instance i) {
        return switch (i.status()) {
            case PROVISIONING -> MeteredInstance.Status.PROVISIONING;
            case RUNNING -> MeteredInstance.Status.RUNNING;
            case FROZEN -> MeteredInstance.Status.FROZEN;
            case RELEASED, FAILED -> MeteredInstance.Status.RELEASED;
        };
    }
}
