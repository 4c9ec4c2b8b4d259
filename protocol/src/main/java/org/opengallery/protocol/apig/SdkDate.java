package org.opengallery.protocol.apig;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.time.InvalidTimeException;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * The {@code X-Sdk-Date} header: {@link ProtocolTime#ISO_BASIC} ({@code yyyyMMdd'T'HHmmss'Z'}), always UTC, whole
 * seconds. A value that does not parse is an invalid {@code X-Sdk-Date} parameter, so a verifier answers it
 * like any other bad parameter.
 */
public final class SdkDate {

    public static final String HEADER = "X-Sdk-Date";

    private SdkDate() {
    }

    /** Formats {@code instant} (sub-seconds dropped); years outside 0000-9999 have no such form. */
    public static String format(Instant instant) {
        int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("X-Sdk-Date cannot express the year " + year);
        }
        return ProtocolTime.formatIsoBasic(instant);
    }

    /** Parses a header value, rejecting anything but the exact form with {@code InvalidParameterException}. */
    public static Instant parse(String value) {
        try {
            return ProtocolTime.parseIsoBasic(value);
        } catch (InvalidTimeException e) {
            throw new InvalidParameterException(HEADER, "not a valid yyyyMMdd'T'HHmmss'Z' UTC time: '" + value + "'");
        }
    }
}
