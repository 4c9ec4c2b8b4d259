/**
 * Pay-per-use usage push (按需使用量推送(新)): the seller POSTs {@link
 * org.opengallery.protocol.message.usage.UsagePushRequest} (up to 1000 {@link
 * org.opengallery.protocol.message.usage.UsageRecord}s, snake_case fields) to KooGallery's {@code
 * .../isv/usage-data} and gets {@link org.opengallery.protocol.message.usage.UsagePushResponse} ({@code
 * MKT.*} codes). The records can check themselves against the documented rules and name the per-record
 * error code each broken rule earns.
 */
package org.opengallery.protocol.message.usage;
