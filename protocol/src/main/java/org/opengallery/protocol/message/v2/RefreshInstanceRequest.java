package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * {@code refreshInstance} (更新实例): set the instance's new expiry for the given {@link RefreshScene}.
 * {@code expireTime} is UTC {@code yyyyMMddHHmmss}, but the spec's own example has 17 digits; both are read
 * ({@link #expiry()}) and the text is kept as received. {@code productId} is present when the period type
 * changed (monthly → yearly). Mandatory: {@code scene}, {@code orderId}, {@code orderLineId},
 * {@code instanceId}, {@code expireTime}.
 */
public record RefreshInstanceRequest(
        RefreshScene scene,
        String orderId,
        String orderLineId,
        String instanceId,
        String productId,
        String expireTime,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public RefreshInstanceRequest {
        Fields.require("scene", scene);
        Fields.require("orderId", orderId);
        Fields.require("orderLineId", orderLineId);
        Fields.require("instanceId", instanceId);
        Fields.time("expireTime", Fields.require("expireTime", expireTime), ProtocolTime::parseDateTime);
        extra = Fields.unknown(extra);
    }

    public RefreshInstanceRequest(RefreshScene scene, String orderId, String orderLineId, String instanceId,
            String productId, String expireTime, TestFlag testFlag) {
        this(scene, orderId, orderLineId, instanceId, productId, expireTime, testFlag, Map.of());
    }

    /** The new expiry, from {@code expireTime} (14 or 17 digits, UTC). */
    public Instant expiry() {
        return ProtocolTime.parseDateTime(expireTime);
    }

    @Override
    public V2Activity activity() {
        return V2Activity.REFRESH_INSTANCE;
    }
}
