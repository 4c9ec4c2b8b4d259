/**
 * Sellers and their secrets: the V1 Key, V2 access keys (one per interface type and production address; each
 * generated for one type, so types never share a key), open-API AK/SK. Secrets are sealed with AES-256-GCM under
 * the master key ({@code opengallery.marketplace.master-key}, base64 of 16/24/32 bytes) or, when not configured, a
 * key generated on first use into {@code <opengallery.marketplace.data-dir>/master.key} (default ./data). Records
 * holding secrets hide them in {@code toString}; nothing logs them.
 */
package org.opengallery.marketplace.seller;
