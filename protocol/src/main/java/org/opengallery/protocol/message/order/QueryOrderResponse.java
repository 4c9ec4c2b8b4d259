package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Response;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The answer of {@code GET .../order/query?orderId=…[&orderLineId=…]}: {@code resultCode} (up to 16
 * characters; Query Order's own code list was not found, so any code reads, see {@link ResultCode}),
 * {@code resultMsg} and the {@link OrderInfo}.
 */
public record QueryOrderResponse(
        ResultCode resultCode,
        String resultMsg,
        OrderInfo orderInfo,
        @JsonAnySetter Map<String, Object> extra) implements Response {

    public QueryOrderResponse {
        extra = Fields.unknown(extra);
    }

    public QueryOrderResponse(ResultCode resultCode, String resultMsg, OrderInfo orderInfo) {
        this(resultCode, resultMsg, orderInfo, Map.of());
    }
}
