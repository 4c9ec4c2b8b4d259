package org.opengallery.protocol.apig;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opengallery.protocol.InvalidParameterException;

/** The {@code X-Sdk-Date} value: {@code yyyyMMdd'T'HHmmss'Z'}, always UTC, whole seconds. */
public final class SdkDate {

    public static final String HEADER = "X-Sdk-Date";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");

    private SdkDate() {
    }

    /** Formats {@code instant} (sub-seconds dropped); years outside 0000-9999 have no such form. */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            throw new IllegalArgumentException("X-Sdk-Date cannot express the year " + utc.getYear());
        }
        return FORMAT.format(utc);
    }

    /** Parses a header value, rejecting anything but the exact form with {@code InvalidParameterException}. */
    public static Instant parse(String value) {
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidParameterException(HEADER, "not a yyyyMMdd'T'HHmmss'Z' UTC time");
        }
        try {
            return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(HEADER, "not a valid calendar time");
        }
    }
}
