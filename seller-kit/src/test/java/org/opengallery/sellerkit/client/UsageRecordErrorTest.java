package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.usage.UsagePushResponse;
import org.opengallery.protocol.message.usage.UsageRecordErrorCode;

class UsageRecordErrorTest {

    private static Map<String, Object> extraOf(String json) {
        return ProtocolJson.read(json, UsagePushResponse.class).extra();
    }

    @Test
    void aListOfObjectsWithMeteringSnAndErrorCodeIsRead() {
        assertThat(UsageRecordError.readFrom(extraOf("{\"error_code\":\"MKT.9002\",\"error_records\":["
                + "{\"metering_sn\":\"a\",\"error_code\":\"001\",\"error_msg\":\"instance not found\"}]}")))
                .containsExactly(new UsageRecordError("a", UsageRecordErrorCode.Known.INSTANCE_NOT_FOUND,
                        "instance not found"));
    }

    @Test
    void camelCaseNestedAndNumericCodesAreReadTooNumbersAsThreeDigits() {
        assertThat(UsageRecordError.readFrom(extraOf("{\"error_code\":\"MKT.9002\",\"result\":{\"items\":["
                + "{\"meteringSn\":\"a\",\"code\":4,\"message\":\"missing\"},"
                + "{\"meteringSn\":\"b\",\"resultCode\":\"999\"}]}}")))
                .containsExactly(
                        new UsageRecordError("a", UsageRecordErrorCode.Known.MISSING_METERING_SN, "missing"),
                        new UsageRecordError("b", new UsageRecordErrorCode.Unknown("999"), null));
    }

    @Test
    void recordsWithoutAnErrorCodeOrWithASuccessCodeAreNotErrors() {
        assertThat(UsageRecordError.readFrom(extraOf("{\"error_code\":\"MKT.0000\",\"records\":["
                + "{\"metering_sn\":\"a\"},{\"metering_sn\":\"b\",\"error_code\":\"MKT.0000\"},"
                + "{\"metering_sn\":\"c\",\"code\":0},{\"error_code\":\"005\"}]}")))
                .isEmpty();
    }
}
