package org.opengallery.sellerkit;

import org.opengallery.protocol.message.order.OrderInfo;

/**
 * Where the kit reads an order's details. V2 create and upgrade requests carry only ids; the kit asks this
 * (KooGallery's Query Order open API, in production {@code QueryOrderClient}) and hands the seller the order.
 */
@FunctionalInterface
public interface OrderSource {

    /**
     * The order as the platform knows it.
     *
     * @param orderLineId may be null to read every line
     * @throws OrderQueryException when the order cannot be read (unknown order, platform error, network)
     */
    OrderInfo order(String orderId, String orderLineId);
}
