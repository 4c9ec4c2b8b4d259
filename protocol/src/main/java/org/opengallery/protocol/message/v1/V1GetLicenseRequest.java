package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * {@code getLicense} (License开通): deliver a licence code for the order; the same {@code orderId} must get the
 * same licence. Mandatory: {@code customerId}, {@code businessId}, {@code orderId}. Answer with {@link
 * LicenseResponse}.
 */
public record V1GetLicenseRequest(
        String customerId,
        String customerName,
        String businessId,
        String orderId,
        String skuCode,
        String productId,
        String chargingMode,
        String expireTime,
        String periodType,
        String periodNumber,
        String provisionType,
        String saasExtendParams,
        String userId,
        String userName,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1GetLicenseRequest {
        Fields.require("customerId", customerId);
        Fields.require("businessId", businessId);
        Fields.require("orderId", orderId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1GetLicenseRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1GetLicenseRequest.class);
    }

    /** The expiry, from {@code expireTime} (14 or 17 digits, UTC); empty if absent. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(Fields.time("expireTime", expireTime, ProtocolTime::parseDateTime));
    }

    /** The decoded {@code saasExtendParams}; empty if absent. */
    public SaasExtendParams extendParams() {
        return SaasExtendParams.decode(saasExtendParams);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.GET_LICENSE;
    }
}
