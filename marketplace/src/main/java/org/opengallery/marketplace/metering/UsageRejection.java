package org.opengallery.marketplace.metering;

import org.opengallery.protocol.message.usage.UsageRecordErrorCode;

/**
 * A usage record that was not accepted: its position in the push, its {@code metering_sn} and
 * {@code instance_id} as sent (null when absent), the per-record code and why.
 */
public record UsageRejection(int index, String meteringSn, String instanceId, UsageRecordErrorCode.Known code,
        String message) {
}
