package org.opengallery.protocol.message.usage;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.InvalidTimeException;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * One usage record (UsagePushData): {@code instance_id}, {@code record_time}, {@code begin_time}, {@code
 * end_time} (UTC {@code yyyyMMdd'T'HHmmss'Z'}), {@code usage_value} (&gt; 0, at most 4 decimals; read from a
 * JSON number or string, written as a string like the documented example), {@code metering_sn} (the
 * seller's unique record id) and {@code relate_pkg_instance} (mandatory for stop-before-excess packages).
 * Reading is lenient; {@link #violations()} says what breaks the documented rules.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsageRecord(
        String instanceId,
        String recordTime,
        String beginTime,
        String endTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal usageValue,
        String meteringSn,
        String relatePkgInstance,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    /** At most this many decimals in {@code usage_value}. */
    public static final int MAX_DECIMALS = 4;

    public UsageRecord {
        extra = Fields.unknown(extra);
    }

    public UsageRecord(String instanceId, Instant recordTime, Instant beginTime, Instant endTime,
            BigDecimal usageValue, String meteringSn, String relatePkgInstance) {
        this(instanceId, ProtocolTime.formatIsoBasic(recordTime), ProtocolTime.formatIsoBasic(beginTime),
                ProtocolTime.formatIsoBasic(endTime), usageValue, meteringSn, relatePkgInstance, Map.of());
    }

    /** The documented rules this record breaks; empty if it is valid as far as it can tell alone. */
    public List<UsageViolation> violations() {
        List<UsageViolation> violations = new ArrayList<>();
        if (instanceId == null || instanceId.isEmpty()) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INSTANCE_NOT_FOUND, "instance_id", "missing"));
        }
        Instant begin = time("begin_time", beginTime, violations);
        Instant end = time("end_time", endTime, violations);
        time("record_time", recordTime, violations);
        if (begin != null && end != null && begin.isAfter(end)) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INVALID_TIME_RANGE, "begin_time",
                    "begin_time " + beginTime + " is after end_time " + endTime));
        }
        if (usageValue == null) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INVALID_USAGE_VALUE, "usage_value", "missing"));
        } else if (usageValue.signum() <= 0) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INVALID_USAGE_VALUE, "usage_value",
                    usageValue.toPlainString() + " is not greater than 0"));
        } else if (usageValue.stripTrailingZeros().scale() > MAX_DECIMALS) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INVALID_USAGE_VALUE, "usage_value",
                    usageValue.toPlainString() + " has more than " + MAX_DECIMALS + " decimals"));
        }
        if (meteringSn == null || meteringSn.isEmpty()) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.MISSING_METERING_SN, "metering_sn", "missing"));
        }
        return List.copyOf(violations);
    }

    private static Instant time(String field, String value, List<UsageViolation> violations) {
        try {
            return ProtocolTime.parseIsoBasic(value);
        } catch (InvalidTimeException e) {
            violations.add(new UsageViolation(UsageRecordErrorCode.Known.INVALID_TIME_FORMAT, field, e.getMessage()));
            return null;
        }
    }
}
