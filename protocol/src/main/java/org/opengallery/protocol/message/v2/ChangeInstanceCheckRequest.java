package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.message.order.ProductInfo;

/**
 * {@code changeInstanceCheck} (续费变更校验): may this instance be renewed with the target {@code productInfo}
 * (downgrade, scale-in, upgrade, scale-out)? Check current usage against the target before saying yes.
 * Mandatory: {@code instanceId}. {@code productInfo} is mandatory in the table, but the page's example body
 * omits it, so it is not required here; its structure is the Query Order {@link ProductInfo} (unconfirmed).
 */
public record ChangeInstanceCheckRequest(
        String instanceId,
        ProductInfo productInfo,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public ChangeInstanceCheckRequest {
        Fields.require("instanceId", instanceId);
        extra = Fields.unknown(extra);
    }

    public ChangeInstanceCheckRequest(String instanceId, ProductInfo productInfo, TestFlag testFlag) {
        this(instanceId, productInfo, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.CHANGE_INSTANCE_CHECK;
    }
}
