package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code orderNotify} (订单通知, the "商品交易相关接口" guide): an order was placed, renewed, changed or
 * unsubscribed; read it with Query Order. Mandatory: {@code orderId}, {@code orderLineId}. ({@code testFlag}
 * is mandatory in that guide too, default {@code "0"}; absent is read as production.)
 */
public record OrderNotifyRequest(
        String orderId,
        String orderLineId,
        TestFlag testFlag,
        @JsonAnySetter Map<String, Object> extra) implements V2Request {

    public OrderNotifyRequest {
        Fields.require("orderId", orderId);
        Fields.require("orderLineId", orderLineId);
        extra = Fields.unknown(extra);
    }

    public OrderNotifyRequest(String orderId, String orderLineId, TestFlag testFlag) {
        this(orderId, orderLineId, testFlag, Map.of());
    }

    @Override
    public V2Activity activity() {
        return V2Activity.ORDER_NOTIFY;
    }
}
