package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 {@code upgrade} (商品升级): apply the upgrade order's spec ({@code productId}, {@code skuCode}, numeric
 * attributes) to the same instance. Mandatory: {@code instanceId}, {@code orderId}.
 */
public record V1UpgradeRequest(
        String instanceId,
        String orderId,
        String productId,
        String skuCode,
        String amount,
        String diskSize,
        String bandWidth,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1UpgradeRequest {
        Fields.require("instanceId", instanceId);
        Fields.require("orderId", orderId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1UpgradeRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1UpgradeRequest.class);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.UPGRADE;
    }
}
