package org.opengallery.sellerkit;

import org.opengallery.protocol.message.order.OrderInfo;

/** An order of one of the seller's products was placed (new, renewal, change, unsubscribe). */
public record OrderNotification(String orderId, String orderLineId, OrderInfo order, boolean debug) {
}
