package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 {@code releaseInstance} (商品资源释放): delete the instance; a repeated release succeeds without doing
 * anything twice. Mandatory: {@code instanceId}.
 */
public record V1ReleaseInstanceRequest(
        String instanceId,
        String orderId,
        String orderAmount,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1ReleaseInstanceRequest {
        Fields.require("instanceId", instanceId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1ReleaseInstanceRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1ReleaseInstanceRequest.class);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.RELEASE_INSTANCE;
    }
}
