package org.opengallery.sellerkit.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode;

/**
 * The platform's verdict on one record of a push: its {@code metering_sn}, the per-record code ({@code 001} …
 * {@code 013}, e.g. {@code 005} duplicate record id) and the message, if any.
 *
 * <p>Where these travel in the answer is not documented (the code list comes from a search snippet), so
 * {@link #readFrom(Map)} looks for them anywhere among the answer's unknown fields: every JSON object, in any
 * list or nested object, that has a {@code metering_sn} (or {@code meteringSn}) and an error code under
 * {@code error_code}, {@code errorCode}, {@code result_code}, {@code resultCode} or {@code code}. A numeric code is
 * read as three digits ({@code 5} → {@code 005}); success-looking codes ({@code MKT.0000}, {@code 000000},
 * {@code 000}, {@code 0}) are not errors.
 */
public record UsageRecordError(String meteringSn, UsageRecordErrorCode code, String message) {

    private static final List<String> SN_KEYS = List.of("metering_sn", "meteringSn");
    private static final List<String> CODE_KEYS =
            List.of("error_code", "errorCode", "result_code", "resultCode", "code");
    private static final List<String> MESSAGE_KEYS =
            List.of("error_msg", "errorMsg", "error_message", "errorMessage", "result_msg", "resultMsg", "message",
                    "msg");
    private static final Set<String> SUCCESS = Set.of("MKT.0000", "000000", "000", "0");
    private static final int MAX_DEPTH = 6;

    public UsageRecordError {
        Objects.requireNonNull(meteringSn, "meteringSn");
        Objects.requireNonNull(code, "code");
    }

    /** Every per-record error found in a usage answer's unknown fields, in the order they appear. */
    static List<UsageRecordError> readFrom(Map<String, Object> extra) {
        List<UsageRecordError> errors = new ArrayList<>();
        collect(extra, errors, 0);
        return List.copyOf(errors);
    }

    private static void collect(Object value, List<UsageRecordError> errors, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            UsageRecordError error = asError(map);
            if (error != null) {
                errors.add(error);
                return;
            }
            for (Object nested : map.values()) {
                collect(nested, errors, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (Object nested : list) {
                collect(nested, errors, depth + 1);
            }
        }
    }

    private static UsageRecordError asError(Map<?, ?> map) {
        String sn = first(map, SN_KEYS);
        String code = first(map, CODE_KEYS);
        if (sn == null || code == null || SUCCESS.contains(code)) {
            return null;
        }
        return new UsageRecordError(sn, UsageRecordErrorCode.of(code), first(map, MESSAGE_KEYS));
    }

    private static String first(Map<?, ?> map, List<String> keys) {
        for (String key : keys) {
            Object value = map.get(key);
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return String.format("%03d", ((Number) value).longValue());
            }
            if (value instanceof BigDecimal || value instanceof String || value instanceof Number) {
                String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }
}
