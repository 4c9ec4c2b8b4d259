package org.opengallery.marketplace.order;

import java.util.Locale;
import org.opengallery.marketplace.buyer.Buyer;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the buyer is told about an order in the message center (and by e-mail to {@link Buyer#email()}): the
 * service opened, the order failed and was refunded, the unsubscription completed. Posted by {@link DeliveryOutcomes}
 * in the transaction that moves the order, so a notice exists exactly when the order moved. Texts are in the
 * platform's language (zh-CN), from the console bundle.
 */
@Component
class OrderNotices {

    private static final Locale PLATFORM = Locale.SIMPLIFIED_CHINESE;

    private final Notices notices;
    private final Buyers buyers;
    private final Catalog catalog;
    private final MessageSource texts;

    OrderNotices(Notices notices, Buyers buyers, Catalog catalog, MessageSource texts) {
        this.notices = notices;
        this.buyers = buyers;
        this.catalog = catalog;
        this.texts = texts;
    }

    /** A NEW or TRIAL order's instance runs. */
    void opened(Order order) {
        post(order, "ORDER_OPENED", "console.notice.orderOpened", "/buyer/orders/" + order.orderId());
    }

    /** Delivery gave up: the order failed, was unsubscribed and refunded in full. */
    void failed(Order order) {
        post(order, "ORDER_FAILED", "console.notice.orderFailed", "/buyer/orders/" + order.orderId());
    }

    /** The seller confirmed the release of an unsubscribed instance. */
    void unsubscribed(Order order) {
        post(order, "ORDER_UNSUBSCRIBED", "console.notice.unsubscribed", "/buyer/orders/" + order.orderId());
    }

    private void post(Order order, String kind, String key, String link) {
        OrderLine line = order.line();
        String product = catalog.product(line.catalogProductId()).map(Product::name).orElse(line.skuCode());
        String refunded = "¥" + order.lines().stream().map(OrderLine::refundedAmount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).setScale(2).toPlainString();
        if (order.orderType() == org.opengallery.protocol.message.order.OrderType.Known.UNSUBSCRIBE) {
            refunded = "¥" + order.amount().setScale(2).toPlainString(); // an unsubscription's amount is its refund
        }
        Object[] args = {product, order.orderId(), refunded};
        String email = buyers.buyer(order.buyerId()).map(Buyer::email).orElse(null);
        notices.post(Recipient.buyer(order.buyerId()), email, kind, texts.getMessage(key + ".title", args, PLATFORM),
                texts.getMessage(key + ".body", args, PLATFORM), link);
    }
}
