package org.opengallery.marketplace.openapi;

import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.order.OrderDetails;
import org.opengallery.marketplace.order.OrderLine;
import org.opengallery.marketplace.order.Orders;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.springframework.stereotype.Component;

/**
 * Query Order's view of an order, answered by the order capability. An order is one seller's: every line of a
 * marketplace order belongs to the product's seller (orders hold one product), so the first line names it.
 */
@Component
class OrderRecordsFromOrders implements OrderRecords {

    private final Orders orders;

    OrderRecordsFromOrders(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Optional<OrderRecord> byOrderId(String orderId) {
        return orders.details(orderId, null).filter(d -> !d.lines().isEmpty()).map(OrderRecordsFromOrders::record);
    }

    private static OrderRecord record(OrderDetails d) {
        BuyerInfo b = d.buyer();
        OrderRecord.Buyer buyer = b == null ? null
                : new OrderRecord.Buyer(b.customerId(), b.customerName(), b.userId(), b.userName(), b.mobilePhone(), b.email());
        List<OrderRecord.Line> lines = d.lines().stream().map(OrderRecordsFromOrders::line).toList();
        return new OrderRecord(d.orderId(), Long.toString(d.lines().get(0).sellerId()), d.orderType(), d.createTime(),
                buyer, lines);
    }

    private static OrderRecord.Line line(OrderLine l) {
        return new OrderRecord.Line(l.orderLineId(), l.chargingMode(), l.expireTime(),
                l.periodType() == null ? null : l.periodType().code(), l.periodNumber(), l.amount(), l.trial(),
                List.of(new OrderRecord.Product(l.productId(), l.skuCode(), null)));
    }
}
