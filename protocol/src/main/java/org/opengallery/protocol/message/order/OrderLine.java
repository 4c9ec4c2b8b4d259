package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * One line of an order. Documented: {@code orderLineId}, {@code chargingMode}, {@code expireTime}
 * ({@code yyyyMMddHHmmss}, UTC; absent for one-time purchases). Unconfirmed hints, all optional:
 * {@code periodType} ({@code month}, {@code year} …), {@code periodNumber}, {@code orderAmount},
 * {@code trialFlag} ({@code 1} trial), {@code provisionType}, {@code productInfo}.
 */
public record OrderLine(
        String orderLineId,
        ChargingMode chargingMode,
        String expireTime,
        String periodType,
        Integer periodNumber,
        BigDecimal orderAmount,
        String trialFlag,
        String provisionType,
        List<ProductInfo> productInfo,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public OrderLine {
        productInfo = Fields.list(productInfo);
        extra = Fields.unknown(extra);
    }

    /**
     * The expiry, from {@code expireTime} (14 or 17 digits, UTC); empty if absent.
     *
     * @throws org.opengallery.protocol.message.InvalidMessageException if it is malformed
     */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(Fields.time("expireTime", expireTime, ProtocolTime::parseDateTime));
    }
}
