package org.opengallery.protocol.message.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.opengallery.protocol.message.internal.CodeIndex;

/**
 * Per-record error codes of the usage push ({@code 001}…{@code 013}; {@code 008} is not documented). Known
 * only from a search snippet, and where they appear in the answer is unconfirmed. Sealed into the documented
 * codes and {@link Unknown}.
 */
public sealed interface UsageRecordErrorCode permits UsageRecordErrorCode.Known, UsageRecordErrorCode.Unknown {

    /** The wire value, e.g. {@code 004}. */
    @JsonValue
    String code();

    /** The documented meaning. */
    String meaning();

    /** The documented code with this value, or an {@link Unknown} carrying it. */
    @JsonCreator
    static UsageRecordErrorCode of(String code) {
        Objects.requireNonNull(code, "code");
        return Known.INDEX.find(code).<UsageRecordErrorCode>map(k -> k).orElseGet(() -> new Unknown(code));
    }

    /** The documented per-record codes. */
    enum Known implements UsageRecordErrorCode {
        /** The instance does not exist. */
        INSTANCE_NOT_FOUND("001", "instance not found"),
        /** A time is not {@code yyyyMMdd'T'HHmmss'Z'}. */
        INVALID_TIME_FORMAT("002", "bad time format"),
        /** The usage value is not a positive number with at most 4 decimals. */
        INVALID_USAGE_VALUE("003", "bad usage value"),
        /** {@code metering_sn} is missing (缺少话单唯一标识). */
        MISSING_METERING_SN("004", "missing record id"),
        /** {@code metering_sn} was already used. */
        DUPLICATE_METERING_SN("005", "duplicate record id"),
        /** The product is delisted. */
        PRODUCT_DELISTED("006", "product delisted"),
        /** The record time is too old. */
        RECORD_TIME_EXPIRED("007", "record time expired"),
        /** The instance does not belong to this seller. */
        INSTANCE_SELLER_MISMATCH("009", "instance/seller mismatch"),
        /** The same record was pushed before. */
        DUPLICATE_RECORD("010", "duplicate record"),
        /** The begin/end range is invalid. */
        INVALID_TIME_RANGE("011", "invalid time range"),
        /** The instance is not pay-per-use. */
        NOT_PAY_PER_USE("012", "not a pay-per-use instance"),
        /** The instance's status does not accept usage. */
        ABNORMAL_INSTANCE_STATUS("013", "abnormal instance status");

        private static final CodeIndex<Known> INDEX = CodeIndex.of(Known.class, Known::code);

        private final String code;
        private final String meaning;

        Known(String code, String meaning) {
            this.code = code;
            this.meaning = meaning;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    /** A code this version does not document, kept verbatim. */
    record Unknown(String code) implements UsageRecordErrorCode {

        public Unknown {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String meaning() {
            return "unknown usage-record error code " + code;
        }
    }
}
