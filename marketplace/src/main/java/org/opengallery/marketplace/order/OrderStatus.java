package org.opengallery.marketplace.order;

/**
 * PENDING_PAYMENT (待支付) → PROCESSING (处理中: paid, not delivered) → COMPLETED (已完成); CANCELLED (已取消) when
 * an unpaid order is cancelled by the buyer or by the timeout. FAILED: delivery gave up on the create or upgrade,
 * so the order was unsubscribed and its amount refunded in full (the line's {@code refundedAmount} shows it).
 */
public enum OrderStatus { PENDING_PAYMENT, PROCESSING, COMPLETED, CANCELLED, FAILED }
