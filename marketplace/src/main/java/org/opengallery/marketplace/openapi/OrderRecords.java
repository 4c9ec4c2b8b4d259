package org.opengallery.marketplace.openapi;

import java.util.Optional;

/**
 * PORT, implemented by the integrator (order + catalog + buyer): an order as Query Order answers it, with the
 * seller whose product it is (a seller only sees its own orders).
 *
 * <p>Thread-safe; {@code Optional.empty()} (never null) for an unknown order id. Mock ({@code MOCK…}) order ids
 * never reach it. Until an implementation exists, Query Order answers {@code MKT.0999} (not configured) for
 * every order that is not a mock order.
 */
@FunctionalInterface
public interface OrderRecords {

    Optional<OrderRecord> byOrderId(String orderId);
}
