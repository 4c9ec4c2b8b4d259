package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * V1 {@code refreshInstance} (商品续费): move the expiry. Mandatory: {@code instanceId}, {@code orderId} (the
 * renewal order), {@code expireTime} (UTC, 14 or 17 digits, checked on construction).
 */
public record V1RefreshInstanceRequest(
        String instanceId,
        String orderId,
        String productId,
        String expireTime,
        String periodType,
        String periodNumber,
        String orderAmount,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1RefreshInstanceRequest {
        Fields.require("instanceId", instanceId);
        Fields.require("orderId", orderId);
        Fields.time("expireTime", Fields.require("expireTime", expireTime), ProtocolTime::parseDateTime);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1RefreshInstanceRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1RefreshInstanceRequest.class);
    }

    /** The new expiry, from {@code expireTime}. */
    public Instant expiry() {
        return ProtocolTime.parseDateTime(expireTime);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.REFRESH_INSTANCE;
    }
}
