package org.opengallery.sellerkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.v2.ChangeInstanceCheckRequest;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.OrderNotifyRequest;
import org.opengallery.protocol.message.v2.QueryInstanceRequest;
import org.opengallery.protocol.message.v2.RefreshInstanceRequest;
import org.opengallery.protocol.message.v2.ReleaseInstanceRequest;
import org.opengallery.protocol.message.v2.UpdateInstanceStatusRequest;
import org.opengallery.protocol.message.v2.UpgradeInstanceRequest;
import org.opengallery.protocol.message.v2.V2Request;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;
import org.opengallery.sellerkit.ChangeCheck;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.OrderNotification;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.store.InstanceRecord;
import org.opengallery.sellerkit.store.InstanceState;
import org.opengallery.sellerkit.store.Operation;
import org.opengallery.sellerkit.store.OperationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The V2 basic interfaces: POST JSON to the production address, signed in the URL. Verifies before anything
 * else, parses, then hands each activity to {@link Provisioner} or {@link Lifecycle}; for create, upgrade and
 * orderNotify it first reads the order through Query Order.
 */
public final class V2Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(V2Endpoint.class);

    private final KitSettings settings;
    private final Provisioner provisioner;
    private final Lifecycle lifecycle;
    private final Answers answers;
    private final SignatureVerifier verifier;
    private final java.util.concurrent.atomic.AtomicBoolean warnedNoOrders = new java.util.concurrent.atomic.AtomicBoolean();

    public V2Endpoint(KitSettings settings, Provisioner provisioner, Lifecycle lifecycle) {
        this.settings = settings;
        this.provisioner = provisioner;
        this.lifecycle = lifecycle;
        this.answers = new Answers(settings.basicKey());
        this.verifier = settings.basicKey() == null ? null
                : SignatureVerifier.forScheme(SignatureScheme.URL, settings.basicKey()).clock(settings.clock())
                        .window(settings.timeWindow()).nonceGuard(settings.nonceGuard()).build();
    }

    public KitResponse handle(KitRequest request) {
        Instant arrived = settings.clock().instant();
        if (verifier == null) {
            return answers.result(ResultCode.Known.AUTHENTICATION_FAILED, "V2 basic interfaces are not configured");
        }
        V2Request parsed;
        try {
            verifier.verifyQuery(request.rawQuery(), request.body());
            parsed = V2Request.parse(request.body());
        } catch (VerificationException e) {
            return answers.result(ResultCode.of(e.resultCode()), e.getMessage());
        } catch (InvalidMessageException e) {
            return answers.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        boolean debug = parsed.isDebug();
        if (parsed instanceof NewInstanceRequest r) {
            return newInstance(r, arrived.plus(settings.asyncBudget()));
        }
        if (parsed instanceof QueryInstanceRequest r) {
            return queryInstance(r);
        }
        if (parsed instanceof RefreshInstanceRequest r) {
            return outcome(lifecycle.refresh(new InstanceRefresh(r.instanceId(), r.scene(), r.orderId(),
                    r.orderLineId(), r.productId(), r.expiry(), debug)));
        }
        if (parsed instanceof UpdateInstanceStatusRequest r) {
            return outcome(lifecycle.updateStatus(new InstanceStatusUpdate(r.instanceId(), r.status(), debug)));
        }
        if (parsed instanceof ReleaseInstanceRequest r) {
            return outcome(lifecycle.release(new InstanceRelease(r.instanceId(), r.orderId(), r.orderLineId(), debug)));
        }
        if (parsed instanceof UpgradeInstanceRequest r) {
            Optional<OrderInfo> order;
            try {
                order = readOrder(r.orderId(), r.orderLineId());
            } catch (OrderQueryException e) {
                return orderUnreadable(r.orderId(), e);
            }
            Optional<org.opengallery.protocol.message.order.ProductInfo> product =
                    OrderDetails.product(order.flatMap(o -> OrderDetails.line(o, r.orderLineId())));
            return outcome(lifecycle.upgrade(new InstanceUpgrade(r.instanceId(), r.orderId(), r.orderLineId(),
                    product.map(p -> p.productId()).orElse(null), product.map(p -> p.skuCode()).orElse(null), debug,
                    order.orElse(null), null)));
        }
        if (parsed instanceof ChangeInstanceCheckRequest r) {
            return outcome(lifecycle.changeCheck(new ChangeCheck(r.instanceId(), r.productInfo(), debug)));
        }
        OrderNotifyRequest r = (OrderNotifyRequest) parsed;
        Optional<OrderInfo> order;
        try {
            order = readOrder(r.orderId(), r.orderLineId());
        } catch (OrderQueryException e) {
            return orderUnreadable(r.orderId(), e);
        }
        return outcome(lifecycle.orderNotify(new OrderNotification(r.orderId(), r.orderLineId(), order.orElse(null), debug)));
    }

    /** Rebuilds the seller's view of a stored V2 create, for a resumed provisioning. */
    public java.util.function.Function<String, NewInstance> rebuild(ProvisioningRequest request) {
        return instanceId -> OrderDetails.newInstance(instanceId, request.orderId(), request.orderLineId(),
                request.businessId(), request.debug(), readOrder(request.orderId(), request.orderLineId()).orElse(null));
    }

    private KitResponse newInstance(NewInstanceRequest r, Instant deadline) {
        String lineKey = "create:" + r.orderId() + ":" + r.orderLineId();
        Optional<OrderInfo> order;
        try {
            order = readOrder(r.orderId(), r.orderLineId());
        } catch (OrderQueryException e) {
            // Retries are rare, so the order is read first and the store only asked when that fails: a create
            // already delivered is still answered while Query Order is down.
            Optional<Operation> done = settings.store().operation(lineKey).filter(o -> o.status() == OperationStatus.DONE);
            if (done.isPresent()) {
                return answers.json(NewInstanceResponse.created(done.get().instanceId()));
            }
            return orderUnreadable(r.orderId(), e);
        }
        NewInstance probe = OrderDetails.newInstance(null, r.orderId(), r.orderLineId(), r.businessId(), r.isDebug(),
                order.orElse(null));
        // Pay-per-use orders are one instance per order and product, whatever the line (spec §3.1).
        String key = probe.payPerUse() && probe.productId() != null
                ? "create:" + r.orderId() + ":product:" + probe.productId() : lineKey;
        ProvisioningRequest stored = new ProvisioningRequest("v2", false, r.orderId(), r.orderLineId(), r.businessId(),
                r.isDebug(), null);
        Delivery delivery = provisioner.provision(key, r.businessId(), stored, instanceId -> OrderDetails.newInstance(
                instanceId, r.orderId(), r.orderLineId(), r.businessId(), r.isDebug(), order.orElse(null)), deadline);
        if (delivery instanceof Delivery.Delivered d) {
            return answers.json(NewInstanceResponse.created(d.instanceId()));
        }
        if (delivery instanceof Delivery.Pending p) {
            return answers.json(NewInstanceResponse.inProgress(p.instanceId()));
        }
        Delivery.Refused refused = (Delivery.Refused) delivery;
        return answers.json(NewInstanceResponse.failed(refused.code(), refused.message()));
    }

    private KitResponse queryInstance(QueryInstanceRequest r) {
        List<InstanceInfo> info = new ArrayList<>();
        boolean anyKnown = false;
        boolean anyProvisioning = false;
        for (String id : r.instanceIds()) {
            Optional<InstanceRecord> instance = settings.store().instance(id)
                    .filter(i -> i.state() != InstanceState.RELEASED && i.state() != InstanceState.FAILED);
            if (instance.isEmpty()) {
                continue;
            }
            anyKnown = true;
            InstanceState state = instance.get().state();
            if (state == InstanceState.PROVISIONING) {
                anyProvisioning = true;
            } else if ((state == InstanceState.ACTIVE || state == InstanceState.FROZEN)) {
                String json = instance.get().appInfoJson();
                info.add(new InstanceInfo(id, json == null ? null : ProtocolJson.read(json, AppInfo.class)));
            }
        }
        if (!anyKnown) {
            return answers.json(QueryInstanceResponse.failed(ResultCode.Known.INSTANCE_NOT_FOUND,
                    "no such instance: " + r.instanceId()));
        }
        if (info.isEmpty() && anyProvisioning) {
            return answers.json(QueryInstanceResponse.failed(ResultCode.Known.IN_PROGRESS, "instance is being provisioned"));
        }
        return answers.json(QueryInstanceResponse.of(info));
    }

    private Optional<OrderInfo> readOrder(String orderId, String orderLineId) {
        if (settings.orders() == null) {
            // Once, not per order: a seller running without the open API would otherwise log every request.
            if (warnedNoOrders.compareAndSet(false, true)) {
                LOG.warn("no Query Order configured: orders (first {}) are handled without their details", orderId);
            }
            return Optional.empty();
        }
        return Optional.ofNullable(settings.orders().order(orderId, orderLineId));
    }

    private KitResponse orderUnreadable(String orderId, OrderQueryException e) {
        LOG.warn("Query Order for {} failed: {}", orderId, e.getMessage());
        return answers.result(ResultCode.Known.INTERNAL_ERROR, "could not read order " + orderId + " from Query Order"
                + (e.resultCode() == null ? "" : " (" + e.resultCode() + ")"));
    }

    private KitResponse outcome(Outcome outcome) {
        return answers.json(new ResultResponse(outcome.code(), outcome.message()));
    }
}
