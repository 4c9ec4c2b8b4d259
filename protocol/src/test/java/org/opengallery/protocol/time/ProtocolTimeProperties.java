package org.opengallery.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Format then parse gives the instant back, at the precision of the format. */
class ProtocolTimeProperties {

    /** 0000-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z: the four-digit years the formats can hold. */
    private static final long MIN = -62167219200000L;
    private static final long MAX = 253402300799999L;

    @Property
    void dateTimeMillisRoundTrips(@ForAll @LongRange(min = MIN, max = MAX) long millis) {
        Instant time = Instant.ofEpochMilli(millis);
        assertThat(ProtocolTime.parseDateTime(ProtocolTime.formatDateTimeMillis(time))).isEqualTo(time);
    }

    @Property
    void dateTimeRoundTripsToTheSecond(@ForAll @LongRange(min = MIN, max = MAX) long millis) {
        Instant time = Instant.ofEpochMilli(millis);
        assertThat(ProtocolTime.parseDateTime(ProtocolTime.formatDateTime(time)))
                .isEqualTo(time.truncatedTo(ChronoUnit.SECONDS));
    }

    @Property
    void dateTimeRoundTripsInAnyWholeHourZone(@ForAll @LongRange(min = 0, max = 253402200000000L) long millis,
            @ForAll @IntRange(min = -12, max = 14) int hours) {
        Instant time = Instant.ofEpochMilli(millis);
        ZoneOffset zone = ZoneOffset.ofHours(hours);
        assertThat(ProtocolTime.parseDateTime(ProtocolTime.formatDateTimeMillis(time, zone), zone)).isEqualTo(time);
    }

    @Property
    void isoBasicRoundTripsToTheSecond(@ForAll @LongRange(min = MIN, max = MAX) long millis) {
        Instant time = Instant.ofEpochMilli(millis);
        assertThat(ProtocolTime.parseIsoBasic(ProtocolTime.formatIsoBasic(time)))
                .isEqualTo(time.truncatedTo(ChronoUnit.SECONDS));
    }

    @Property
    void epochMillisRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long millis) {
        Instant time = Instant.ofEpochMilli(millis);
        assertThat(ProtocolTime.parseEpochMillis(ProtocolTime.formatEpochMillis(time))).isEqualTo(time);
    }
}
