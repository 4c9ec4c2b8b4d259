/**
 * Orders: place, pay, cancel, renew, upgrade, unsubscribe; refunds; the unpaid-order sweep; Query Order's data.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Ids</b>: {@code CS} + yyMMddHHmm (UTC, injected clock) + 5 of [A-Z0-9]; one line per order,
 *       {@code <orderId>-000001}. Order times are whole seconds (the wire's yyyyMMddHHmmss).</li>
 *   <li><b>States</b>: PENDING_PAYMENT → PROCESSING (paid) → COMPLETED; CANCELLED (buyer, or the payment deadline);
 *       FAILED = delivery gave up on create/upgrade, the order was unsubscribed and refunded in full (the line's
 *       refundedAmount, the ledger's {@code refund:<lineId>}).</li>
 *   <li><b>Payment deadline</b>: placement time + {@code opengallery.order.unpaid-timeout} (30m), stored on the
 *       order; the sweep ({@code opengallery.order.unpaid-sweep-interval}, 1m) cancels late orders, and paying a
 *       late order cancels it on the spot (409 order_expired).</li>
 *   <li><b>Completion</b>: NEW/TRIAL on InstanceProvisioned; RENEW/TRIAL_TO_FORMAL on refreshInstance success;
 *       CHANGE on upgradeInstance success; UNSUBSCRIBE on releaseInstance success.</li>
 *   <li><b>Expiry</b>: NEW from payment time + month/year × count (calendar, UTC); TRIAL payment + trialDays;
 *       RENEW continues from the old expiry, also during the freeze (the frozen days count, as on KooGallery);
 *       TRIAL_TO_FORMAL starts at payment (trial days left are not added). ONE_TIME, ON_DEMAND and ON_DEMAND_PKG
 *       instances have no expiry.</li>
 *   <li><b>Trial</b>: 0 amount, still paid (a 0 charge) so every order has one flow; once per buyer and SKU; the
 *       line has no periodType and periodNumber = trial days. Conversion (转商用) is a renew of a trial instance.</li>
 *   <li><b>Period limits</b>: 1–12 months, 1–5 years.</li>
 *   <li><b>Upgrade</b> (CHANGE): same product, PERIOD, same period type, strictly dearer; amount =
 *       (new − old period price) / period days (30, 365) × remaining days (rounded up), half-up to cents; a failed
 *       upgrade puts the instance back on its previous SKU and productId.</li>
 *   <li><b>Unsubscribe refunds</b> (platform.md §4.6): a paid line whose period has not started (a renewal not yet
 *       in effect) is refunded in full; a line paid within {@code opengallery.order.refund-guarantee-period}
 *       (5 days, "5天无理由") is refunded in full; nothing else is refunded (effective renewals, the period in
 *       effect after the guarantee period, expired orders). The UNSUBSCRIBE order's amount is the refund. Partial
 *       unsubscription of only a renewal period (refreshInstance UNSUBSCRIBE_RENEWAL_PERIOD) is not offered.</li>
 *   <li><b>Order notification</b>: {@code orderCreated} is written when a NEW, RENEW or CHANGE order is paid and
 *       when an UNSUBSCRIBE order is created; its productId is the catalog product id (as a string).</li>
 *   <li><b>Console pages</b> ({@code SellerOrdersPage}, {@code OperatorOrdersPage}, templates {@code console/}): the
 *       lists read order lines (a seller sees only its own lines), filtered by {@link
 *       org.opengallery.marketplace.order.OrderFilter}; 按需 (ON_DEMAND) lines are not in the seller's list (§4.3: they
 *       are in the bills) but are in the operator's. Dates in the filters are Beijing days. The CSV export is UTF-8
 *       with BOM, RFC 4180, formula-safe, at most 10,000 rows. The seller sees the buyer's name and login, the phone
 *       and e-mail masked (the spec says nothing; Query Order still gives the seller the full BuyerInfo).</li>
 *   <li><b>Notices</b> ({@code OrderNotices}, in the outcome's transaction): the buyer is told when a NEW/TRIAL
 *       order's service opens, when delivery gave up and the order was refunded, and when an unsubscription
 *       completes; texts in zh-CN from the console bundle, mailed to the buyer's e-mail.</li>
 * </ul>
 */
package org.opengallery.marketplace.order;
