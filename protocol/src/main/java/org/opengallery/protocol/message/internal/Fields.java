package org.opengallery.protocol.message.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.time.InvalidTimeException;

/** The checks and copies every message record's compact constructor needs, in one place. */
public final class Fields {

    private Fields() {}

    /** An immutable copy of the unknown fields, sorted by name; empty, never null. */
    public static Map<String, Object> unknown(Map<String, ?> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    /** An immutable copy of unknown string parameters (V1), sorted by name; empty, never null. */
    public static Map<String, String> unknownParameters(Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    /** An immutable copy of a list that may contain nulls; null stays null (absent on the wire). */
    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The value, or {@link MissingFieldException} naming {@code field} if it is null or an empty string. */
    public static <T> T require(String field, T value) {
        if (value == null || (value instanceof CharSequence text && text.length() == 0)) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    /**
     * Reads a time field with one of the {@code ProtocolTime} parsers; a bad value becomes an {@link
     * InvalidMessageException} naming the field (cause: the {@link InvalidTimeException}). Null stays null.
     */
    public static Instant time(String field, String value, Function<String, Instant> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (InvalidTimeException e) {
            throw new InvalidMessageException(field, e.getMessage(), e);
        }
    }
}
