/**
 * Buyers, their balance and the {@link org.opengallery.marketplace.buyer.Payment} interface.
 *
 * <p>Money is NUMERIC(19,2). The balance only moves through a conditional UPDATE ({@code balance >= amount} for a
 * debit) plus a CHECK constraint, so it is never negative and concurrent charges cannot overdraw. Every movement is
 * a {@code buyer_ledger} row unique per (kind, reference): order charges {@code order:<orderId>}, refunds
 * {@code refund:<orderLineId>}, usage any caller-chosen reference; a repeated refund or usage charge does nothing.
 * Usage charges are all-or-nothing and report INSUFFICIENT_BALANCE rather than running into arrears. An operator's
 * balance adjustment (调账, {@code /operator/buyers/{id}}) is a signed ledger row of kind ADJUST
 * ({@code adjust:<auditId>}) plus a {@code buyer_balance_adjustment} audit row (operator, time, before, after,
 * reason); it is refused rather than taking the balance below zero.
 */
package org.opengallery.marketplace.buyer;
