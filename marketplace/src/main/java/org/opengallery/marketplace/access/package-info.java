/**
 * Bearer API tokens (stored as SHA-256) and the {@link org.opengallery.marketplace.access.ApiCaller} controller
 * parameter: {@code @Caller(Role.BUYER) ApiCaller caller} answers 401 {@code unauthorized} without a valid token and
 * 403 {@code forbidden} for another role.
 */
package org.opengallery.marketplace.access;
