package org.opengallery.protocol.time;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MILLI_OF_SECOND;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes the protocol's time formats. Everything is UTC unless a zone is passed explicitly.
 *
 * <ul>
 *   <li>{@code yyyyMMddHHmmss} / {@code yyyyMMddHHmmssSSS}: {@link #parseDateTime(String)} accepts both
 *       lengths, because the spec's examples mix them (a documented 14-digit {@code expireTime} arrives with
 *       17 digits); {@link #formatDateTime(Instant)} and {@link #formatDateTimeMillis(Instant)} pick one
 *       explicitly.
 *   <li>{@code yyyyMMdd'T'HHmmss'Z'}: usage-record times and the APIG {@code X-Sdk-Date} header.
 *   <li>Epoch milliseconds: V2 {@code timestamp}, kit {@code x-timestamp}, usage-push {@code ts}. Some
 *       English pages say seconds, every example has 13 digits: milliseconds it is.
 *   <li>Kit-sync {@code timeStamp} fields are documented as UTC+8 digit strings ({@link #KIT_SYNC_ZONE},
 *       {@link #parseKitTimeStamp(String)}), unlike every other digit time, which is UTC.
 * </ul>
 *
 * Parse failures throw {@link InvalidTimeException} naming the value and the accepted formats.
 */
public final class ProtocolTime {

    /** {@code yyyyMMddHHmmss}, whole seconds. */
    public static final String DATE_TIME = "yyyyMMddHHmmss";
    /** {@code yyyyMMddHHmmssSSS}, with milliseconds. */
    public static final String DATE_TIME_MILLIS = "yyyyMMddHHmmssSSS";
    /** {@code yyyyMMdd'T'HHmmss'Z'}, always UTC. */
    public static final String ISO_BASIC = "yyyyMMdd'T'HHmmss'Z'";
    /** Milliseconds since 1970-01-01T00:00:00Z, as decimal digits. */
    public static final String EPOCH_MILLIS = "epoch milliseconds";

    /**
     * The zone of the kit-sync {@code timeStamp} fields: the joint-operation pages document them as UTC+8
     * (Beijing time), while the basic interfaces use UTC.
     */
    public static final ZoneOffset KIT_SYNC_ZONE = ZoneOffset.ofHours(8);

    private static final DateTimeFormatter SECONDS = digits(false);
    private static final DateTimeFormatter MILLIS = digits(true);
    private static final DateTimeFormatter BASIC = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4).appendValue(MONTH_OF_YEAR, 2).appendValue(DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2).appendValue(MINUTE_OF_HOUR, 2).appendValue(SECOND_OF_MINUTE, 2)
            .appendLiteral('Z')
            .toFormatter().withResolverStyle(ResolverStyle.STRICT).withChronology(
                    java.time.chrono.IsoChronology.INSTANCE);

    private ProtocolTime() {}

    private static DateTimeFormatter digits(boolean millis) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .appendValue(YEAR, 4).appendValue(MONTH_OF_YEAR, 2).appendValue(DAY_OF_MONTH, 2)
                .appendValue(HOUR_OF_DAY, 2).appendValue(MINUTE_OF_HOUR, 2).appendValue(SECOND_OF_MINUTE, 2);
        if (millis) {
            builder.appendValue(MILLI_OF_SECOND, 3);
        }
        return builder.toFormatter().withResolverStyle(ResolverStyle.STRICT)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }

    /** Reads a 14- or 17-digit time ({@code yyyyMMddHHmmss[SSS]}) as UTC. */
    public static Instant parseDateTime(String text) {
        return parseDateTime(text, ZoneOffset.UTC);
    }

    /** Reads a 14- or 17-digit time ({@code yyyyMMddHHmmss[SSS]}) as a local time in {@code zone}. */
    public static Instant parseDateTime(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        List<String> expected = List.of(DATE_TIME, DATE_TIME_MILLIS);
        if (text == null || !isDigits(text) || (text.length() != 14 && text.length() != 17)) {
            throw new InvalidTimeException(text, expected);
        }
        DateTimeFormatter format = text.length() == 14 ? SECONDS : MILLIS;
        try {
            return LocalDateTime.parse(text, format).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw invalid(text, expected, e);
        }
    }

    /** Reads a kit-sync {@code timeStamp} (14 or 17 digits) as UTC+8, see {@link #KIT_SYNC_ZONE}. */
    public static Instant parseKitTimeStamp(String text) {
        return parseDateTime(text, KIT_SYNC_ZONE);
    }

    /** Writes {@code yyyyMMddHHmmss} in UTC; milliseconds are dropped (truncated). */
    public static String formatDateTime(Instant time) {
        return formatDateTime(time, ZoneOffset.UTC);
    }

    /** Writes {@code yyyyMMddHHmmss} as local time in {@code zone}; milliseconds are dropped. */
    public static String formatDateTime(Instant time, ZoneId zone) {
        return SECONDS.format(LocalDateTime.ofInstant(time, zone));
    }

    /** Writes {@code yyyyMMddHHmmssSSS} in UTC; below-millisecond precision is dropped. */
    public static String formatDateTimeMillis(Instant time) {
        return formatDateTimeMillis(time, ZoneOffset.UTC);
    }

    /** Writes {@code yyyyMMddHHmmssSSS} as local time in {@code zone}. */
    public static String formatDateTimeMillis(Instant time, ZoneId zone) {
        return MILLIS.format(LocalDateTime.ofInstant(time, zone));
    }

    /** Writes a kit-sync {@code timeStamp}: {@code yyyyMMddHHmmssSSS} in UTC+8. */
    public static String formatKitTimeStamp(Instant time) {
        return formatDateTimeMillis(time, KIT_SYNC_ZONE);
    }

    /** Reads {@code yyyyMMdd'T'HHmmss'Z'} (e.g. {@code 20220809T091000Z}). */
    public static Instant parseIsoBasic(String text) {
        List<String> expected = List.of(ISO_BASIC);
        if (text == null || text.length() != 16) {
            throw new InvalidTimeException(text, expected);
        }
        try {
            return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw invalid(text, expected, e);
        }
    }

    /** Writes {@code yyyyMMdd'T'HHmmss'Z'} in UTC; milliseconds are dropped. */
    public static String formatIsoBasic(Instant time) {
        return BASIC.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    /** Reads a millisecond epoch timestamp such as {@code 1680508066618}. */
    public static Instant parseEpochMillis(String text) {
        List<String> expected = List.of(EPOCH_MILLIS);
        if (text == null || !isDigits(text) || text.length() > 19) {
            throw new InvalidTimeException(text, expected);
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(text, expected, e);
        }
    }

    /** Writes a millisecond epoch timestamp; below-millisecond precision is dropped. */
    public static String formatEpochMillis(Instant time) {
        return Long.toString(time.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static InvalidTimeException invalid(String text, List<String> expected, Exception cause) {
        InvalidTimeException e = new InvalidTimeException(text, expected);
        e.initCause(cause);
        return e;
    }
}
