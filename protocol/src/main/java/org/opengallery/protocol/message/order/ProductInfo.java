package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigDecimal;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * A product of an order line (and the target of changeInstanceCheck): {@code productId} (differs per period
 * type for the same SKU), {@code skuCode} (stable across period types) and {@code linearValue} (the linear
 * attribute bought, e.g. a user count; unconfirmed, read as a number from a JSON number or string).
 */
public record ProductInfo(
        String productId,
        String skuCode,
        BigDecimal linearValue,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public ProductInfo {
        extra = Fields.unknown(extra);
    }

    public ProductInfo(String productId, String skuCode, BigDecimal linearValue) {
        this(productId, skuCode, linearValue, Map.of());
    }
}
