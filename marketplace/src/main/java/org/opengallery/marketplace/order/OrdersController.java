package org.opengallery.marketplace.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.opengallery.marketplace.access.ApiCaller;
import org.opengallery.marketplace.access.Caller;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's orders, and the orders an instance's renew / upgrade / unsubscribe place. Buyers only. */
@RestController
class OrdersController {

    private final Orders orders;
    private final Instances instances;

    OrdersController(Orders orders, Instances instances) {
        this.orders = orders;
        this.instances = instances;
    }

    record PlaceOrder(String skuCode, String periodType, Integer periodNumber, Boolean trial) {}

    record Renew(Integer periodNumber, String periodType) {}

    record Upgrade(String skuCode) {}

    record OrderView(String orderId, String orderLineId, String orderType, String status, BigDecimal amount,
            Instant createTime, Instant payDeadline, Instant paidAt, Instant closedAt, String failure, String skuCode,
            String productId, String chargingMode, String periodType, Integer periodNumber, boolean trial,
            Instant expireTime, BigDecimal refundedAmount, String instanceId) {}

    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView place(@Caller(Role.BUYER) ApiCaller caller, @RequestBody PlaceOrder body) {
        return view(orders.placeNew(caller.id(), body.skuCode(), body.periodType(), body.periodNumber(),
                Boolean.TRUE.equals(body.trial())));
    }

    @GetMapping("/api/v1/orders")
    List<OrderView> list(@Caller(Role.BUYER) ApiCaller caller) {
        return orders.ordersOf(caller.id()).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/orders/{orderId}")
    OrderView one(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String orderId) {
        return view(orders.ownOrder(caller.id(), orderId));
    }

    @PostMapping("/api/v1/orders/{orderId}/pay")
    OrderView pay(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String orderId) {
        return view(orders.pay(caller.id(), orderId));
    }

    @PostMapping("/api/v1/orders/{orderId}/cancel")
    OrderView cancel(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String orderId) {
        return view(orders.cancel(caller.id(), orderId));
    }

    @PostMapping("/api/v1/instances/{instanceId}/renew")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView renew(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String instanceId,
            @RequestBody(required = false) Renew body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_order", "send {\"periodNumber\": n} (and optionally periodType)");
        }
        return view(orders.renew(caller.id(), instanceId, body.periodType(), body.periodNumber()));
    }

    @PostMapping("/api/v1/instances/{instanceId}/upgrade")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView upgrade(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String instanceId,
            @RequestBody(required = false) Upgrade body) {
        return view(orders.upgrade(caller.id(), instanceId, body == null ? null : body.skuCode()));
    }

    @PostMapping("/api/v1/instances/{instanceId}/unsubscribe")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView unsubscribe(@Caller(Role.BUYER) ApiCaller caller, @PathVariable String instanceId) {
        return view(orders.unsubscribe(caller.id(), instanceId));
    }

    private OrderView view(Order o) {
        OrderLine l = o.line();
        String instanceId = l.instanceKey() == null ? null
                : instances.byKey(l.instanceKey()).map(Instance::instanceId).orElse(null);
        return new OrderView(o.orderId(), l.orderLineId(), o.orderType().code(), o.status().name(), o.amount(),
                o.createTime(), o.payDeadline(), o.paidAt(), o.closedAt(), o.failure(), l.skuCode(), l.productId(),
                l.chargingMode().code(), l.periodType() == null ? null : l.periodType().code(), l.periodNumber(),
                l.trial(), l.expireTime(), l.refundedAmount(), instanceId);
    }
}
