package org.opengallery.sellerkit.client;

import java.util.List;
import org.opengallery.protocol.message.usage.UsageRecord;

/**
 * The outcome of {@link UsagePushClient#push}: one {@link UsageBatchResult} per batch, in order.
 *
 * @param batches every batch of the push; empty when there was nothing to push
 */
public record UsagePushResult(List<UsageBatchResult> batches) {

    public UsagePushResult {
        batches = List.copyOf(batches);
    }

    /** Whether every batch was accepted (true for an empty push). */
    public boolean allAccepted() {
        return batches.stream().allMatch(UsageBatchResult::accepted);
    }

    /** The batches that were not accepted: rejected, partly rejected or unconfirmed. */
    public List<UsageBatchResult> notAccepted() {
        return batches.stream().filter(batch -> !batch.accepted()).toList();
    }

    /** Every per-record error the platform reported, across batches. */
    public List<UsageRecordError> recordErrors() {
        return batches.stream()
                .filter(UsageBatchResult.Answered.class::isInstance)
                .flatMap(batch -> ((UsageBatchResult.Answered) batch).recordErrors().stream())
                .toList();
    }

    /** The records of unconfirmed batches: safe to push again unchanged later. */
    public List<UsageRecord> unconfirmedRecords() {
        return batches.stream()
                .filter(UsageBatchResult.Unconfirmed.class::isInstance)
                .flatMap(batch -> batch.records().stream())
                .toList();
    }
}
