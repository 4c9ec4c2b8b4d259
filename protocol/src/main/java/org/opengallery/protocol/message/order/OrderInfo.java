package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.ExtendParam;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * An order as Query Order returns it: {@code orderId}, {@code orderType}, {@code createTime} (when the order
 * was placed, not when it takes effect; {@code yyyyMMddHHmmss} UTC), {@code orderLine}s, {@code buyerInfo}
 * and {@code extendParams}.
 */
public record OrderInfo(
        String orderId,
        OrderType orderType,
        String createTime,
        List<OrderLine> orderLine,
        BuyerInfo buyerInfo,
        List<ExtendParam> extendParams,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public OrderInfo {
        orderLine = Fields.list(orderLine);
        extendParams = Fields.list(extendParams);
        extra = Fields.unknown(extra);
    }

    /**
     * When the order was placed, from {@code createTime}; empty if absent.
     *
     * @throws org.opengallery.protocol.message.InvalidMessageException if it is malformed
     */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(Fields.time("createTime", createTime, ProtocolTime::parseDateTime));
    }
}
