package org.opengallery.marketplace.order;

import java.time.Clock;
import java.util.Set;
import org.opengallery.marketplace.buyer.Payment;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.delivery.DeliveryCommand;
import org.opengallery.marketplace.delivery.DeliveryCommand.ReleaseInstance.ReleaseReason;
import org.opengallery.marketplace.delivery.DeliveryEvents;
import org.opengallery.marketplace.delivery.ProductionInterfaceCalls;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.protocol.message.order.OrderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the seller's answers do to orders. The engine publishes these inside its transaction; the writes here join
 * it. Each reaction is a conditional status move, so a repeated event changes nothing.
 */
@Component
class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);
    /** The activity whose success completes an order of each type (NEW/TRIAL complete on InstanceProvisioned). */
    private static final Set<String> COMPLETING = Set.of("refreshInstance", "upgradeInstance", "releaseInstance");

    private final OrderRows rows;
    private final Payment payment;
    private final Instances instances;
    private final Catalog catalog;
    /** Resolved on first use (the engine depends on this capability too), then kept: one bean lookup, not one per call. */
    private final java.util.function.Supplier<ProductionInterfaceCalls> calls;
    private final OrderNotices notices;
    private final Clock clock;

    DeliveryOutcomes(OrderRows rows, Payment payment, Instances instances, Catalog catalog,
            ObjectProvider<ProductionInterfaceCalls> calls, OrderNotices notices, Clock clock) {
        this.rows = rows;
        this.payment = payment;
        this.instances = instances;
        this.catalog = catalog;
        this.calls = org.springframework.util.function.SingletonSupplier.of(calls::getObject);
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void on(DeliveryEvents.InstanceProvisioned e) {
        // move is conditional on PROCESSING: no need to read the order first (one statement per delivery)
        if (e.orderId() != null
                && rows.move(e.orderId(), OrderStatus.PROCESSING, OrderStatus.COMPLETED, clock.instant(), null)) {
            // read only when it moved: the buyer is told once that the service opened
            rows.find(e.orderId()).ifPresent(notices::opened);
        }
    }

    @EventListener
    void on(DeliveryEvents.CallSucceeded e) {
        if (!COMPLETING.contains(e.activity())) {
            return;
        }
        rows.find(e.orderId()).filter(o -> completes(o.orderType(), e.activity()))
                .filter(o -> rows.move(o.orderId(), OrderStatus.PROCESSING, OrderStatus.COMPLETED, clock.instant(), null))
                .filter(o -> o.orderType() == OrderType.Known.UNSUBSCRIBE)
                .ifPresent(notices::unsubscribed);
    }

    /**
     * Delivery gave up on a create or an upgrade: the order fails and is unsubscribed and refunded in full. A failed
     * create leaves a FAILED instance (released at the seller when it had given an instanceId); a failed upgrade
     * puts the instance back on its previous SKU.
     */
    @EventListener
    void on(DeliveryEvents.CallGaveUp e) {
        boolean create = "newInstance".equals(e.activity());
        if (!create && !"upgradeInstance".equals(e.activity())) {
            return;
        }
        Order order = rows.lock(e.orderId()).orElse(null);
        if (order == null || !rows.move(order.orderId(), OrderStatus.PROCESSING, OrderStatus.FAILED, clock.instant(),
                "delivery gave up: " + (e.lastError() == null ? "no answer" : e.lastError()))) {
            return;
        }
        log.info("order {} failed after delivery gave up on {}; refunding {}", order.orderId(), e.activity(), order.amount());
        for (OrderLine line : order.lines()) {
            if (line.amount().signum() > 0) {
                payment.refund(order.buyerId(), line.amount(), "refund:" + line.orderLineId());
                rows.refunded(line.orderLineId(), line.amount());
            }
            if (line.instanceKey() == null) {
                continue;
            }
            Instance instance = instances.byKey(line.instanceKey()).orElseThrow();
            if (create) {
                instances.markFailed(instance.key());
                String sellerId = instance.instanceId() != null ? instance.instanceId() : e.instanceId();
                if (sellerId != null) {
                    calls.get().releaseInstance(new DeliveryCommand.ReleaseInstance(
                            catalog.endpointFor(instance.catalogProductId()), sellerId, order.orderId(),
                            ReleaseReason.DELIVERY_FAILED));
                }
            } else if (line.previousSkuCode() != null && instance.skuCode().equals(line.skuCode())) {
                instances.changeSku(instance.key(), line.previousSkuCode(), line.previousProductId(), order.orderId());
            }
        }
        rows.find(order.orderId()).ifPresent(notices::failed);
    }

    private static boolean completes(OrderType.Known type, String activity) {
        return switch (type) {
            case RENEW, TRIAL_TO_FORMAL -> activity.equals("refreshInstance");
            case CHANGE -> activity.equals("upgradeInstance");
            case UNSUBSCRIBE -> activity.equals("releaseInstance");
            default -> false;
        };
    }
}
