package org.opengallery.protocol.message.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;

/** Usage push (new), protocol-v2.md §6.3. */
class UsagePushTest {

    /** The spec's example, completed where it elides fields (usage_value as in the intl example, a metering_sn). */
    private static final String EXAMPLE = "{\"usage_records\":[{\"instance_id\":\"7f141bf1-aec8-4859-8323-fb3a8ad50721\","
            + "\"record_time\":\"20220809T091000Z\",\"begin_time\":\"20220809T080000Z\",\"end_time\":\"20220809T090000Z\","
            + "\"usage_value\":\"99\",\"metering_sn\":\"6c63c221-1f6b-4141-8ff4-22f5dfe82b65\"}]}";

    @Test
    void usagePushExampleParses() {
        UsagePushRequest request = ProtocolJson.read(EXAMPLE, UsagePushRequest.class);
        UsageRecord record = request.usageRecords().get(0);
        assertThat(record.instanceId()).isEqualTo("7f141bf1-aec8-4859-8323-fb3a8ad50721");
        assertThat(record.recordTime()).isEqualTo("20220809T091000Z");
        assertThat(record.beginTime()).isEqualTo("20220809T080000Z");
        assertThat(record.endTime()).isEqualTo("20220809T090000Z");
        assertThat(record.usageValue()).isEqualTo(new BigDecimal("99"));
        assertThat(record.meteringSn()).isEqualTo("6c63c221-1f6b-4141-8ff4-22f5dfe82b65");
        assertThat(record.violations()).isEmpty();
        assertThat(request.validate()).isSameAs(request);
    }

    @Test
    void aRecordIsWrittenWithSnakeCaseNamesAndTheUsageValueAsAString() {
        UsageRecord record = new UsageRecord("i", Instant.parse("2022-08-09T09:10:00Z"), Instant.parse("2022-08-09T08:00:00Z"),
                Instant.parse("2022-08-09T09:00:00Z"), new BigDecimal("0.1250"), "sn-1", null);
        assertThat(ProtocolJson.write(new UsagePushRequest(java.util.List.of(record)))).isEqualTo("{\"usage_records\":["
                + "{\"begin_time\":\"20220809T080000Z\",\"end_time\":\"20220809T090000Z\",\"instance_id\":\"i\","
                + "\"metering_sn\":\"sn-1\",\"record_time\":\"20220809T091000Z\",\"usage_value\":\"0.1250\"}]}");
    }

    @Test
    void usageValueReadsFromANumberToo() {
        UsageRecord record = ProtocolJson.read("{\"usage_value\":12.5,\"relate_pkg_instance\":\"pkg\"}", UsageRecord.class);
        assertThat(record.usageValue()).isEqualTo(new BigDecimal("12.5"));
        assertThat(record.relatePkgInstance()).isEqualTo("pkg");
    }

    @Test
    void usageValueMustBePositive() {
        assertThat(record("0").violations()).extracting(UsageViolation::code)
                .containsExactly(UsageRecordErrorCode.Known.INVALID_USAGE_VALUE);
        assertThat(record("-1").violations()).extracting(UsageViolation::field).containsExactly("usage_value");
    }

    @Test
    void usageValueHasAtMostFourDecimals() {
        assertThat(record("1.2345").violations()).isEmpty();
        assertThat(record("1.23450000").violations()).isEmpty();
        assertThat(record("1.23456").violations()).extracting(UsageViolation::code)
                .containsExactly(UsageRecordErrorCode.Known.INVALID_USAGE_VALUE);
    }

    @Test
    void timesMustBeIsoBasicAndBeginNotAfterEnd() {
        UsageRecord badTime = new UsageRecord("i", "2022-08-09 09:10", "20220809T080000Z", "20220809T090000Z",
                BigDecimal.ONE, "sn", null, null);
        assertThat(badTime.violations()).extracting(UsageViolation::code, UsageViolation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UsageRecordErrorCode.Known.INVALID_TIME_FORMAT, "record_time"));
        UsageRecord reversed = new UsageRecord("i", "20220809T091000Z", "20220809T090000Z", "20220809T080000Z",
                BigDecimal.ONE, "sn", null, null);
        assertThat(reversed.violations()).extracting(UsageViolation::code)
                .containsExactly(UsageRecordErrorCode.Known.INVALID_TIME_RANGE);
    }

    @Test
    void meteringSnAndInstanceIdAreNeeded() {
        UsageRecord record = new UsageRecord(null, "20220809T091000Z", "20220809T080000Z", "20220809T090000Z",
                BigDecimal.ONE, null, null, null);
        assertThat(record.violations()).extracting(UsageViolation::code).containsExactly(
                UsageRecordErrorCode.Known.INSTANCE_NOT_FOUND, UsageRecordErrorCode.Known.MISSING_METERING_SN);
    }

    @Test
    void validateListsEveryViolationWithItsPath() {
        UsagePushRequest request = new UsagePushRequest(java.util.List.of(record("1"), record("0")));
        assertThatThrownBy(request::validate).isInstanceOfSatisfying(InvalidMessageException.class,
                e -> assertThat(e.getMessage()).contains("usage_records[1].usage_value", "(003)"));
    }

    @Test
    void moreThan1000RecordsAreRejected() {
        assertThat(new UsagePushRequest(Collections.nCopies(1000, record("1"))).validate()).isNotNull();
        assertThatThrownBy(() -> new UsagePushRequest(Collections.nCopies(1001, record("1"))).validate())
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> new UsagePushRequest(java.util.List.of()).validate())
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void usagePushAnswerExampleParses() {
        UsagePushResponse answer = ProtocolJson.read("{\"error_code\":\"MKT.0000\",\"error_msg\":\"success\"}",
                UsagePushResponse.class);
        assertThat(answer.errorCode()).isEqualTo(UsageErrorCode.Known.SUCCESS);
        assertThat(answer.errorMsg()).isEqualTo("success");
        assertThat(answer.isSuccess()).isTrue();
        assertThat(ProtocolJson.write(UsagePushResponse.success())).isEqualTo("{\"error_code\":\"MKT.0000\",\"error_msg\":\"success\"}");
    }

    @Test
    void anAnswerWithUnconfirmedPerRecordResultsKeepsThem() {
        String json = "{\"error_code\":\"MKT.9002\",\"error_msg\":\"invalid usage entities\","
                + "\"records\":[{\"metering_sn\":\"sn\",\"error_code\":\"005\"}]}";
        UsagePushResponse answer = ProtocolJson.read(json, UsagePushResponse.class);
        assertThat(answer.errorCode().httpStatus()).isEqualTo(OptionalInt.of(500));
        assertThat(answer.extra()).containsKey("records");
        assertThat(ProtocolJson.write(answer)).isEqualTo(json);
    }

    @Test
    void mktCodesCarryTheirHttpStatusAndUnknownCodesAreKept() {
        assertThat(UsageErrorCode.of("MKT.0102")).isEqualTo(UsageErrorCode.Known.INVALID_BODY_SIGN);
        assertThat(UsageErrorCode.Known.INVALID_BODY_SIGN.httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(UsageErrorCode.Known.ILLEGAL_TOKEN.httpStatus()).isEqualTo(OptionalInt.of(401));
        assertThat(UsageErrorCode.Known.TOO_MANY_RECORDS.code()).isEqualTo("MKT.9003");
        UsageErrorCode unknown = UsageErrorCode.of("APIGW.0301");
        assertThat(unknown).isEqualTo(new UsageErrorCode.Unknown("APIGW.0301"));
        assertThat(unknown.httpStatus()).isEmpty();
        assertThat(unknown.isSuccess()).isFalse();
    }

    @Test
    void perRecordCodesAre001To013Without008() {
        assertThat(UsageRecordErrorCode.Known.values()).extracting(UsageRecordErrorCode::code).containsExactly(
                "001", "002", "003", "004", "005", "006", "007", "009", "010", "011", "012", "013");
        assertThat(UsageRecordErrorCode.of("004")).isEqualTo(UsageRecordErrorCode.Known.MISSING_METERING_SN);
        assertThat(UsageRecordErrorCode.of("008")).isEqualTo(new UsageRecordErrorCode.Unknown("008"));
    }

    private static UsageRecord record(String usageValue) {
        return new UsageRecord("i", "20220809T091000Z", "20220809T080000Z", "20220809T090000Z", new BigDecimal(usageValue),
                "sn", null, null);
    }
}
