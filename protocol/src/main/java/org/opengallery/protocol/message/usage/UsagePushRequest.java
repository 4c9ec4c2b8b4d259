package org.opengallery.protocol.message.usage;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The usage-push body: {@code usage_records}, at most {@value #MAX_RECORDS}. Signed by the seller with the
 * key bound to the basic interfaces ({@code signature}, {@code ts}, {@code nonce} headers).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsagePushRequest(List<UsageRecord> usageRecords, @JsonAnySetter Map<String, Object> extra)
        implements Message {

    /** The most records one push may carry ({@code MKT.9003} beyond). */
    public static final int MAX_RECORDS = 1000;

    public UsagePushRequest {
        usageRecords = Fields.list(usageRecords);
        extra = Fields.unknown(extra);
    }

    public UsagePushRequest(List<UsageRecord> usageRecords) {
        this(usageRecords, Map.of());
    }

    /**
     * Checks the documented rules: at least one and at most {@value #MAX_RECORDS} records, each without
     * {@linkplain UsageRecord#violations() violations}.
     *
     * @return this request
     * @throws InvalidMessageException listing every violation, e.g. {@code usage_records[3].usage_value}
     */
    public UsagePushRequest validate() {
        if (usageRecords == null || usageRecords.isEmpty()) {
            throw new InvalidMessageException("usage_records", "no usage records");
        }
        if (usageRecords.size() > MAX_RECORDS) {
            throw new InvalidMessageException("usage_records",
                    usageRecords.size() + " records; at most " + MAX_RECORDS + " per push");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < usageRecords.size(); i++) {
            UsageRecord record = usageRecords.get(i);
            if (record == null) {
                problems.add("usage_records[" + i + "]: missing");
                continue;
            }
            for (UsageViolation violation : record.violations()) {
                problems.add("usage_records[" + i + "]." + violation.field() + ": " + violation.detail()
                        + " (" + violation.code().code() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMessageException("usage_records", String.join("; ", problems));
        }
        return this;
    }
}
