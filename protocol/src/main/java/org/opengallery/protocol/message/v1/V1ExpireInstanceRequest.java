package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 {@code expireInstance} (商品过期): freeze the instance, keep its data through the freeze period (up to 15
 * days). Mandatory: {@code instanceId}.
 */
public record V1ExpireInstanceRequest(
        String instanceId,
        String orderId,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1ExpireInstanceRequest {
        Fields.require("instanceId", instanceId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1ExpireInstanceRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1ExpireInstanceRequest.class);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.EXPIRE_INSTANCE;
    }
}
