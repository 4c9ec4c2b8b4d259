package org.opengallery.sellerkit.client;

import java.util.List;
import java.util.Objects;
import org.opengallery.protocol.message.usage.UsageErrorCode;
import org.opengallery.protocol.message.usage.UsageRecord;

/**
 * What became of one batch (at most 1000 records, one request) of a usage push: either the platform gave a
 * verdict ({@link Answered}), or its verdict is unknown ({@link Unconfirmed}). A rejection is a result, not an
 * exception, because a pusher must decide per batch what to resend and what to fix.
 */
public sealed interface UsageBatchResult permits UsageBatchResult.Answered, UsageBatchResult.Unconfirmed {

    /** Position of the batch in the push, from 0. */
    int index();

    /** The records of the batch, as sent. */
    List<UsageRecord> records();

    /** How many times the batch was sent (a failover to the backup host within one attempt counts once). */
    int attempts();

    /** Whether the platform accepted every record of the batch. */
    boolean accepted();

    /**
     * The platform answered with an {@code error_code}: {@code MKT.0000} on success, else a platform-level
     * rejection such as {@code MKT.0102} (invalid body sign), or an API-gateway {@code APIGW.*} code. Per-record
     * codes, if the answer carried any (see {@link UsageRecordError}), are in {@link #recordErrors()}; a batch is
     * {@linkplain #accepted() accepted} only with {@code MKT.0000} and no record errors.
     */
    record Answered(int index, List<UsageRecord> records, int attempts, int httpStatus, UsageErrorCode errorCode,
            String errorMsg, List<UsageRecordError> recordErrors) implements UsageBatchResult {

        public Answered {
            records = List.copyOf(records);
            Objects.requireNonNull(errorCode, "errorCode");
            recordErrors = List.copyOf(recordErrors);
        }

        @Override
        public boolean accepted() {
            return errorCode.isSuccess() && recordErrors.isEmpty();
        }
    }

    /**
     * No verdict after every attempt: the platform was unreachable, kept answering 5xx, or answered something that
     * is not a usage-push answer. The records may or may not have been stored; push them again unchanged — the
     * platform deduplicates by {@code metering_sn}.
     */
    record Unconfirmed(int index, List<UsageRecord> records, int attempts, String reason)
            implements UsageBatchResult {

        public Unconfirmed {
            records = List.copyOf(records);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
