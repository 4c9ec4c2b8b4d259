package org.opengallery.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolTimeTest {

    @Test
    void fourteenDigitDateTimeIsUtc() {
        assertThat(ProtocolTime.parseDateTime("20221124023618")).isEqualTo(Instant.parse("2022-11-24T02:36:18Z"));
    }

    @Test
    void seventeenDigitDateTimeOfTheRefreshExampleIsUtcWithMillis() {
        assertThat(ProtocolTime.parseDateTime("20221124023618256"))
                .isEqualTo(Instant.parse("2022-11-24T02:36:18.256Z"));
    }

    @Test
    void dateTimeFormatsPickTheirLengthExplicitly() {
        Instant time = Instant.parse("2022-11-24T02:36:18.256Z");
        assertThat(ProtocolTime.formatDateTime(time)).isEqualTo("20221124023618");
        assertThat(ProtocolTime.formatDateTimeMillis(time)).isEqualTo("20221124023618256");
    }

    @Test
    void dateTimeReadsInAnExplicitZone() {
        assertThat(ProtocolTime.parseDateTime("20220413093539534", ZoneOffset.ofHours(8)))
                .isEqualTo(Instant.parse("2022-04-13T01:35:39.534Z"));
    }

    @Test
    void kitSyncTimeStampOfTheTenantSyncExampleIsUtcPlus8() {
        assertThat(ProtocolTime.parseKitTimeStamp("20220413093539534"))
                .isEqualTo(Instant.parse("2022-04-13T01:35:39.534Z"));
        assertThat(ProtocolTime.formatKitTimeStamp(Instant.parse("2022-04-13T01:35:39.534Z")))
                .isEqualTo("20220413093539534");
    }

    @Test
    void isoBasicOfTheUsageExample() {
        assertThat(ProtocolTime.parseIsoBasic("20220809T091000Z")).isEqualTo(Instant.parse("2022-08-09T09:10:00Z"));
        assertThat(ProtocolTime.formatIsoBasic(Instant.parse("2022-08-09T09:10:00.999Z"))).isEqualTo("20220809T091000Z");
    }

    @Test
    void isoBasicOfTheApigSigningExample() {
        assertThat(ProtocolTime.parseIsoBasic("20191115T033655Z")).isEqualTo(Instant.parse("2019-11-15T03:36:55Z"));
    }

    @Test
    void epochMillisOfTheSignatureExample() {
        assertThat(ProtocolTime.parseEpochMillis("1680508066618")).isEqualTo(Instant.parse("2023-04-03T07:47:46.618Z"));
        assertThat(ProtocolTime.formatEpochMillis(Instant.parse("2023-04-03T07:47:46.618Z"))).isEqualTo("1680508066618");
    }

    @Test
    void epochMillisOfTheUsagePushExample() {
        assertThat(ProtocolTime.parseEpochMillis("1709690865879").toEpochMilli()).isEqualTo(1709690865879L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2022112402361", "202211240236182", "2022-11-24 02:36:18", "20221324023618", "20221124253618",
        "20220230000000", "2022112402361825x", "+2022112402361", "20220809T091000Z"})
    void malformedDateTimeIsRejectedNamingValueAndFormats(String text) {
        assertThatThrownBy(() -> ProtocolTime.parseDateTime(text))
                .isInstanceOfSatisfying(InvalidTimeException.class, e -> {
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.expectedFormats()).containsExactly("yyyyMMddHHmmss", "yyyyMMddHHmmssSSS");
                    assertThat(e.getMessage()).contains("yyyyMMddHHmmss or yyyyMMddHHmmssSSS");
                    if (text != null) {
                        assertThat(e.getMessage()).contains("'" + text + "'");
                    }
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20220809091000Z", "20220809T091000", "20220809T251000Z", "2022-08-09T09:10:00Z",
        "20220809t091000z"})
    void malformedIsoBasicIsRejected(String text) {
        assertThatThrownBy(() -> ProtocolTime.parseIsoBasic(text))
                .isInstanceOfSatisfying(InvalidTimeException.class,
                        e -> assertThat(e.expectedFormats()).containsExactly("yyyyMMdd'T'HHmmss'Z'"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1680508066618", "1680508066618.5", "16805O8066618", "99999999999999999999", " 1680508066618"})
    void malformedEpochMillisIsRejected(String text) {
        assertThatThrownBy(() -> ProtocolTime.parseEpochMillis(text))
                .isInstanceOfSatisfying(InvalidTimeException.class, e -> {
                    assertThat(e.value()).isEqualTo(text);
                    assertThat(e.getMessage()).contains("epoch milliseconds");
                });
    }
}
