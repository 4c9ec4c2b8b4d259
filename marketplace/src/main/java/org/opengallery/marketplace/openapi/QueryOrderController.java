package org.opengallery.marketplace.openapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.protocol.message.order.MockOrder;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.protocol.message.order.OrderLine;
import org.opengallery.protocol.message.order.ProductInfo;
import org.opengallery.protocol.message.order.QueryOrderResponse;
import org.opengallery.protocol.time.ProtocolTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Query Order (查询订单), {@code GET /api/mkp-openapi-public/global/v1/order/query?orderId=…[&orderLineId=…]},
 * AK/SK signed ({@link ApigAuthentication}).
 *
 * <p>Answers (Query Order's own code list is not published; readings in {@code openapi/README.md}):
 * <ul>
 *   <li>200 {@code MKT.0000} with {@code orderInfo}: the order is the seller's own, a {@code MOCK…} order, or a
 *       test order the debugger sent this seller ({@link DebugOrders});
 *       with {@code orderLineId} only that line;
 *   <li>400 {@code MKT.0101}: {@code orderId} missing, repeated or longer than 64, {@code orderLineId} repeated or
 *       longer than 64, or an unreadable query;
 *   <li>404 {@code MKT.0199} "order not found": no such order, another seller's order (the same answer, so
 *       nothing leaks), or no such line in it;
 *   <li>401 {@code APIGW.*}: the AK/SK check failed;
 *   <li>500 {@code MKT.0999}: anything unexpected, or the marketplace has no {@link OrderRecords} yet.
 * </ul>
 */
@Controller
public class QueryOrderController {

    public static final String PATH = "/api/mkp-openapi-public/global/v1/order/query";
    static final String SUCCESS = "MKT.0000";
    static final String INVALID_PARAMETER = "MKT.0101";
    static final String NOT_FOUND = "MKT.0199";
    static final String SYSTEM_ERROR = "MKT.0999";
    private static final Logger LOG = LoggerFactory.getLogger(QueryOrderController.class);
    private static final int MAX_ID = 64;

    private final ApigAuthentication authentication;
    private final OrderRecords orders;
    private final DebugOrders debugOrders;
    private final Clock clock;

    public QueryOrderController(ApigAuthentication authentication, OrderRecords orders, DebugOrders debugOrders,
                                Clock clock) {
        this.authentication = authentication;
        this.orders = orders;
        this.debugOrders = debugOrders;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> query(HttpServletRequest request) {
        try {
            String sellerId = authentication.sellerOf(request, new byte[0]);
            QueryString query;
            try {
                query = QueryString.parse(request.getQueryString() == null ? "" : request.getQueryString(),
                        PlusSign.SPACE);
            } catch (InvalidParameterException e) {
                return answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "the query string is malformed", null);
            }
            List<String> orderIds = values(query, "orderId");
            List<String> lineIds = values(query, "orderLineId");
            if (orderIds.size() != 1 || orderIds.get(0).isBlank() || orderIds.get(0).length() > MAX_ID) {
                return answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                        "orderId is required once, at most " + MAX_ID + " characters", null);
            }
            if (lineIds.size() > 1 || (lineIds.size() == 1 && lineIds.get(0).length() > MAX_ID)) {
                return answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                        "orderLineId may be given once, at most " + MAX_ID + " characters", null);
            }
            String orderId = orderIds.get(0);
            String lineId = lineIds.isEmpty() || lineIds.get(0).isBlank() ? null : lineIds.get(0);

            Optional<OrderInfo> info = MockOrder.of(orderId).map(mock -> MockOrders.of(mock, clock.instant()));
            if (info.isEmpty()) {
                info = Objects.requireNonNull(orders.byOrderId(orderId), "OrderRecords returned null")
                        .filter(order -> order.sellerId().equals(sellerId))
                        .map(QueryOrderController::toInfo);
            }
            if (info.isEmpty()) {
                info = debugOrders.order(sellerId, orderId);
            }
            if (info.isPresent() && lineId != null) {
                info = onlyLine(info.get(), lineId);
            }
            if (info.isEmpty()) {
                return answer(HttpStatus.NOT_FOUND, NOT_FOUND, "order not found", null);
            }
            return answer(HttpStatus.OK, SUCCESS, "success", info.get());
        } catch (ApigAuthentication.Refusal refusal) {
            return refusal.answer();
        } catch (RuntimeException e) {
            LOG.error("Query Order failed: {}", e.toString());
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, SYSTEM_ERROR, "system internal error", null);
        }
    }

    private static List<String> values(QueryString query, String name) {
        return query.parameters().stream().filter(p -> p.name().equals(name)).map(QueryString.Parameter::value)
                .toList();
    }

    private static Optional<OrderInfo> onlyLine(OrderInfo info, String lineId) {
        List<OrderLine> lines = info.orderLine().stream().filter(l -> lineId.equals(l.orderLineId())).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderInfo(info.orderId(), info.orderType(), info.createTime(), lines,
                info.buyerInfo(), info.extendParams(), info.extra()));
    }

    static OrderInfo toInfo(OrderRecord order) {
        List<OrderLine> lines = order.lines().stream().map(line -> new OrderLine(line.orderLineId(),
                line.chargingMode(),
                line.expiresAt() == null ? null : ProtocolTime.formatDateTime(line.expiresAt()),
                line.periodType(), line.periodNumber(), line.amount(), line.trial() ? "1" : "0", null,
                line.products().stream().map(p -> new ProductInfo(p.productId(), p.skuCode(), p.linearValue()))
                        .toList(),
                null)).toList();
        OrderRecord.Buyer b = order.buyer();
        BuyerInfo buyer = b == null ? null
                : new BuyerInfo(b.customerId(), b.customerName(), b.userId(), b.userName(), b.mobilePhone(),
                        b.email());
        return new OrderInfo(order.orderId(), order.orderType(), ProtocolTime.formatDateTime(order.createdAt()), lines,
                buyer, null, null);
    }

    private static ResponseEntity<byte[]> answer(HttpStatus status, String code, String message, OrderInfo info) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ProtocolJson.writeBytes(new QueryOrderResponse(ResultCode.of(code), message, info)));
    }
}
