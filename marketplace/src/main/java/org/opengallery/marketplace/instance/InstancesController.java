package org.opengallery.marketplace.instance;

import java.time.Instant;
import java.util.List;
import org.opengallery.marketplace.access.ApiCaller;
import org.opengallery.marketplace.access.Caller;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.instance.AppInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A buyer's instances. An instance is addressed by the seller's instanceId; while PROVISIONING before the seller
 * has given one, it is listed with {@code "instanceId": null} (find it by its orderId / orderLineId) and cannot be
 * addressed by itself yet. Another buyer's instance is "not found".
 */
@RestController
class InstancesController {

    private final Instances instances;

    InstancesController(Instances instances) {
        this.instances = instances;
    }

    record InstanceView(String instanceId, String orderId, String orderLineId, String lastOrderId, String status,
            String skuCode, String productId, String chargingMode, String periodType, boolean trial,
            Instant expireTime, AppInfo appInfo) {

        static InstanceView of(Instance i) {
            return new InstanceView(i.instanceId(), i.orderId(), i.orderLineId(), i.lastOrderId(), i.status().name(),
                    i.skuCode(), i.productId(), i.chargingMode().code(), i.periodType() == null ? null : i.periodType().code(),
                    i.trial(), i.expireTime(), i.appInfo());
        }
    }

    @GetMapping("/api/v1/instances")
    List<InstanceView> list(@Caller(Role.BUYER) ApiCaller caller) {
        return instances.ofBuyer(caller.id()).stream().map(InstanceView::of).toList();
    }

    @GetMapping("/api/v1/instances/{instanceId}")
    InstanceView one(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String instanceId) {
        return instances.byInstanceId(instanceId).filter(i -> i.buyerId() == caller.id()).map(InstanceView::of)
                .orElseThrow(() -> ApiException.notFound("instance", instanceId));
    }
}
