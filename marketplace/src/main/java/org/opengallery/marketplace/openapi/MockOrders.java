package org.opengallery.marketplace.openapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.OrderType;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The debugging orders of the spec ({@code MOCKPERIODYEARNEW} …, line id = order id + {@code -000001}), answered
 * to any seller with a valid AK/SK, as KooGallery's 接口调试 does. The spec publishes no mock content, so it is
 * made up here, plainly fake ({@code MOCK…} ids): created now, periodic lines expire one period from now (a year,
 * a month, a day for the daily trial), pay-per-use and one-time lines have no expiry.
 */
final class MockOrders {

    private MockOrders() {
    }

    static OrderInfo of(MockOrder mock, Instant now) {
        String periodType = null;
        if (mock.chargingMode() == ChargingMode.Known.PERIOD) {
            periodType = switch (mock) {
                case PERIOD_YEAR_NEW -> "year";
                case PERIOD_DAY_TRIAL -> "day";
                default -> "month";
            };
        }
        return of(mock.orderId(), mock.orderType(), mock.chargingMode(), periodType,
                mock == MockOrder.PERIOD_DAY_TRIAL, now);
    }

    /**
     * A plainly fake order with this id and shape: one line ({@code orderId-000001}) of a {@code MOCKPRODUCT…} /
     * {@code MOCKSKU}, bought by {@code mock_customer}. Also the content of the debugger's own test orders
     * ({@link DebugOrders}).
     */
    static OrderInfo of(String orderId, OrderType.Known orderType, ChargingMode.Known chargingMode, String periodType,
                        boolean trial, Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        Integer periodNumber = null;
        String expireTime = null;
        if (chargingMode == ChargingMode.Known.PERIOD) {
            periodNumber = 1;
            ZonedDateTime expiry = switch (periodType) {
                case "year" -> at.plusYears(1);
                case "day" -> at.plusDays(1);
                default -> at.plusMonths(1);
            };
            expireTime = ProtocolTime.formatDateTime(expiry.toInstant());
        } else if (chargingMode == ChargingMode.Known.ON_DEMAND_PKG) {
            expireTime = ProtocolTime.formatDateTime(at.plusYears(1).toInstant());
        }
        String productSuffix = orderId.startsWith("MOCK") ? orderId.substring(4) : orderId;
        OrderLine line = new OrderLine(orderId + "-000001", chargingMode, expireTime, periodType, periodNumber,
                trial ? BigDecimal.ZERO : new BigDecimal("100.00"), trial ? "1" : "0", null,
                List.of(new ProductInfo("MOCKPRODUCT" + productSuffix, "MOCKSKU", null)), null);
        BuyerInfo buyer = new BuyerInfo("MOCKCUSTOMERID", "mock_customer", "MOCKUSERID", "mock_user", null, null);
        return new OrderInfo(orderId, orderType, ProtocolTime.formatDateTime(now), List.of(line), buyer, null, null);
    }
}
