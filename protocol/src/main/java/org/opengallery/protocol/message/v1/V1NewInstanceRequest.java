package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * V1 {@code newInstance} (新购商品): the order is pushed in the request itself. Mandatory: {@code businessId}
 * (new on every request), {@code orderId}, {@code customerId}, {@code productId}. {@code mobilePhone} and
 * {@code email} arrive AES-encrypted; {@code expireTime} ({@code yyyyMMddHHmmss}, UTC) is absent for
 * one-time purchases; {@code saasExtendParams} is Base64 JSON ({@link #extendParams()}). Numeric pricing
 * attributes ({@code amount}, {@code diskSize}, {@code bandWidth}) stay text, as sent.
 */
public record V1NewInstanceRequest(
        String businessId,
        String orderId,
        String customerId,
        String customerName,
        String userId,
        String userName,
        String mobilePhone,
        String email,
        String productId,
        String skuCode,
        String expireTime,
        String periodType,
        String periodNumber,
        String orderAmount,
        String chargingMode,
        String trialFlag,
        String provisionType,
        String amount,
        String diskSize,
        String bandWidth,
        String saasExtendParams,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1NewInstanceRequest {
        Fields.require("businessId", businessId);
        Fields.require("orderId", orderId);
        Fields.require("customerId", customerId);
        Fields.require("productId", productId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1NewInstanceRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1NewInstanceRequest.class);
    }

    /** The expiry, from {@code expireTime} (14 or 17 digits, UTC); empty for one-time purchases. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(Fields.time("expireTime", expireTime, ProtocolTime::parseDateTime));
    }

    /** Whether this is a trial instance ({@code trialFlag} {@code 1}). */
    @JsonIgnore
    public boolean isTrial() {
        return "1".equals(trialFlag);
    }

    /** The decoded {@code saasExtendParams}; empty if absent. */
    public SaasExtendParams extendParams() {
        return SaasExtendParams.decode(saasExtendParams);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.NEW_INSTANCE;
    }
}
