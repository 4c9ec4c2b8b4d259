package org.opengallery.marketplace.delivery;

import java.time.Instant;
import org.opengallery.protocol.message.v2.RefreshScene;

/** What a capability asks the engine to deliver to a seller. */
public sealed interface DeliveryCommand {

    SellerEndpoint endpoint();

    record NewInstance(SellerEndpoint endpoint, OrderFacts order) implements DeliveryCommand {}

    record RefreshInstance(SellerEndpoint endpoint, String instanceId, RefreshScene scene, OrderFacts order,
            Instant newExpireTime) implements DeliveryCommand {}

    record UpdateInstanceStatus(SellerEndpoint endpoint, String instanceId, String orderId, Status status)
            implements DeliveryCommand {
        public enum Status { FREEZE, UNFREEZE }
    }

    record ReleaseInstance(SellerEndpoint endpoint, String instanceId, String orderId, ReleaseReason reason)
            implements DeliveryCommand {
        public enum ReleaseReason { EXPIRED, UNSUBSCRIBED, DELIVERY_FAILED }
    }

    record UpgradeInstance(SellerEndpoint endpoint, String instanceId, OrderFacts order) implements DeliveryCommand {}

    /** The endpoint here is the product's production address; the engine picks the notification address itself. */
    record OrderCreated(SellerEndpoint endpoint, String productId, String accessType, OrderFacts order)
            implements DeliveryCommand {}
}
