package org.opengallery.protocol.message.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.OptionalInt;
import org.opengallery.protocol.message.internal.CodeIndex;

/**
 * {@code error_code} of the usage-push answer, with the HTTP status it comes with. Sealed into the documented
 * {@code MKT.*} codes and {@link Unknown}, which carries any other code verbatim (API gateway
 * {@code APIGW.*} codes, codes added later).
 */
public sealed interface UsageErrorCode permits UsageErrorCode.Known, UsageErrorCode.Unknown {

    /** The wire value, e.g. {@code MKT.0102}. */
    @JsonValue
    String code();

    /** The HTTP status documented for this code; empty when unknown. */
    OptionalInt httpStatus();

    /** The documented meaning. */
    String meaning();

    /** {@code MKT.0000}. */
    default boolean isSuccess() {
        return false;
    }

    /** The documented code with this value, or an {@link Unknown} carrying it. */
    @JsonCreator
    static UsageErrorCode of(String code) {
        Objects.requireNonNull(code, "code");
        return Known.INDEX.find(code).<UsageErrorCode>map(k -> k).orElseGet(() -> new Unknown(code));
    }

    /** The documented codes. */
    enum Known implements UsageErrorCode {
        /** Success. */
        SUCCESS("MKT.0000", 200, "success"),
        /** System internal error. */
        SYSTEM_ERROR("MKT.0999", 500, "system internal error"),
        /** Input parameter check failed (range or format). */
        PARAMETER_CHECK_FAILED("MKT.0100", 500, "input parameter check failed"),
        /** Invalid parameter (undefined, extra or missing). */
        INVALID_PARAMETER("MKT.0101", 400, "invalid parameter"),
        /** Invalid body signature. */
        INVALID_BODY_SIGN("MKT.0102", 400, "invalid body sign"),
        /** Request parameter error. */
        REQUEST_PARAMETER_ERROR("MKT.0199", 400, "request parameter error"),
        /** Illegal operation: the instance was not published by this seller. */
        ILLEGAL_OPERATION("MKT.0150", 401, "illegal operation"),
        /** No authority. */
        NO_AUTHORITY("MKT.0151", 401, "no authority"),
        /** Illegal token. */
        ILLEGAL_TOKEN("MKT.0154", 401, "illegal token"),
        /** Instance id not found. */
        INSTANCE_NOT_FOUND("MKT.9001", 500, "instance ID not found"),
        /** Invalid usage entities. */
        INVALID_USAGE_ENTITIES("MKT.9002", 500, "invalid usage entities"),
        /** More than 1000 records in one push. */
        TOO_MANY_RECORDS("MKT.9003", 500, "more than 1000 records"),
        /** A record's begin time is outside the validity window (21 days). */
        BEGIN_TIME_OUT_OF_RANGE("MKT.9004", 500, "record begin time outside validity (within 21 days)");

        private static final CodeIndex<Known> INDEX = CodeIndex.of(Known.class, Known::code);

        private final String code;
        private final int httpStatus;
        private final String meaning;

        Known(String code, int httpStatus, String meaning) {
            this.code = code;
            this.httpStatus = httpStatus;
            this.meaning = meaning;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public OptionalInt httpStatus() {
            return OptionalInt.of(httpStatus);
        }

        @Override
        public String meaning() {
            return meaning;
        }

        @Override
        public boolean isSuccess() {
            return this == SUCCESS;
        }
    }

    /** A code this version does not document, kept verbatim. */
    record Unknown(String code) implements UsageErrorCode {

        public Unknown {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public OptionalInt httpStatus() {
            return OptionalInt.empty();
        }

        @Override
        public String meaning() {
            return "unknown usage-push error code " + code;
        }
    }
}
