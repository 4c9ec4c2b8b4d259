/**
 * Query Order (查询订单), the open API a seller calls after newInstance, refreshInstance, upgradeInstance or
 * orderNotify to learn what was bought: {@link org.opengallery.protocol.message.order.QueryOrderResponse} and
 * its parts, plus the {@link org.opengallery.protocol.message.order.MockOrder} ids for debugging. Only
 * {@code orderId}, {@code orderType}, {@code createTime}, {@code orderLine}, {@code buyerInfo}, {@code
 * extendParams}, {@code orderLineId}, {@code chargingMode}, {@code expireTime} are documented; the other
 * fields are unconfirmed hints, kept optional, and anything else lands in {@code extra()}.
 */
package org.opengallery.protocol.message.order;
