package org.opengallery.marketplace.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.v2.RefreshScene;

/**
 * What the engine keeps of a {@link DeliveryCommand} to rebuild the request on every attempt (V2 needs a fresh
 * businessId, V1 a fresh timeStamp and authToken): everything but the endpoint, whose key is stored encrypted
 * in its own column. Flat, so its JSON is stable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredCommand(
        String orderId, String orderLineId, String orderType, String productId, String skuCode, String chargingMode,
        String periodType, Integer periodNumber, String expireTime, Boolean trial, BigDecimal amount,
        String customerId, String customerName, String userId, String userName, String mobilePhone, String email,
        String instanceId, String scene, String newExpireTime, String status, String releaseReason,
        String accessType) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read on every attempt of every call: a reader bound to the type once. */
    private static final com.fasterxml.jackson.databind.ObjectReader READER = JSON.readerFor(StoredCommand.class);
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = JSON.writerFor(StoredCommand.class);

    static StoredCommand of(DeliveryCommand command) {
        if (command instanceof DeliveryCommand.NewInstance c) {
            return order(c.order(), null, null, null, null);
        }
        if (command instanceof DeliveryCommand.RefreshInstance c) {
            return order(c.order(), c.instanceId(), c.scene() == null ? null : c.scene().name(),
                    time(c.newExpireTime()), null);
        }
        if (command instanceof DeliveryCommand.UpdateInstanceStatus c) {
            return bare(c.orderId(), c.instanceId(), c.status().name(), null);
        }
        if (command instanceof DeliveryCommand.ReleaseInstance c) {
            return bare(c.orderId(), c.instanceId(), null, c.reason() == null ? null : c.reason().name());
        }
        if (command instanceof DeliveryCommand.UpgradeInstance c) {
            return order(c.order(), c.instanceId(), null, null, null);
        }
        DeliveryCommand.OrderCreated c = (DeliveryCommand.OrderCreated) command;
        return order(c.order(), null, null, null, c.accessType());
    }

    private static StoredCommand bare(String orderId, String instanceId, String status, String reason) {
        return new StoredCommand(orderId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, instanceId, null, null, status, reason, null);
    }

    private static StoredCommand order(OrderFacts o, String instanceId, String scene, String newExpireTime,
                                       String accessType) {
        BuyerInfo b = o == null ? null : o.buyer();
        return new StoredCommand(o == null ? null : o.orderId(), o == null ? null : o.orderLineId(),
                o == null ? null : o.orderType(), o == null ? null : o.productId(), o == null ? null : o.skuCode(),
                o == null ? null : o.chargingMode(), o == null ? null : o.periodType(),
                o == null ? null : o.periodNumber(), o == null ? null : time(o.expireTime()),
                o == null ? null : o.trial(), o == null ? null : o.amount(),
                b == null ? null : b.customerId(), b == null ? null : b.customerName(), b == null ? null : b.userId(),
                b == null ? null : b.userName(), b == null ? null : b.mobilePhone(), b == null ? null : b.email(),
                instanceId, scene, newExpireTime, null, null, accessType);
    }

    RefreshScene refreshScene() {
        return scene == null ? RefreshScene.RENEWAL : RefreshScene.valueOf(scene);
    }

    Instant expiry() {
        return expireTime == null ? null : Instant.parse(expireTime);
    }

    Instant newExpiry() {
        return newExpireTime == null ? null : Instant.parse(newExpireTime);
    }

    String toJson() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store a delivery command", e);
        }
    }

    static StoredCommand fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored delivery command unreadable", e);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
