/**
 * 应用接入 for sellers: 密钥管理 (the V1 Key, V2 access keys per interface type and address, open-API AK/SK, key
 * rotation that names the listed products it affects), 生产地址管理 (addresses and their verification), 应用接入调试
 * (debug requests with {@code testFlag=1}, saved as 调测用例) and the dial tests (拨测) that re-run saved cases twice a
 * day, notify the seller on failure and freeze the address's listed products after 5 days of failing.
 *
 * <p>Data flow: keys live in {@code seller.Sellers} (sealed); addresses, debug runs and saved cases in this package's
 * tables ({@code production_address}, {@code debug_run}, {@code debug_case}). Every request to a seller goes through
 * {@code delivery.InterfaceDebugger}, which returns the exchange as sent and received (never the key); this package
 * judges it ({@link org.opengallery.marketplace.integration.Verdicts}). Dial tests freeze through
 * {@code catalog.Catalog.freeze} and tell people through {@code notice.Notices}.
 */
package org.opengallery.marketplace.integration;
