package org.opengallery.marketplace.openapi;

import java.util.Optional;

/**
 * PORT, implemented beside it by an adapter (order + catalog + buyer): an order as Query Order answers it, with the
 * seller whose product it is (a seller only sees its own orders).
 *
 * <p>Thread-safe; {@code Optional.empty()} (never null) for an unknown order id. Mock ({@code MOCK…}) order ids
 * never reach it. Implemented by {@code OrderRecordsFromOrders}.
 */
@FunctionalInterface
public interface OrderRecords {

    Optional<OrderRecord> byOrderId(String orderId);
}
