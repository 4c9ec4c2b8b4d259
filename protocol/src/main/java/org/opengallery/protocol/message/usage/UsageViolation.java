package org.opengallery.protocol.message.usage;

/**
 * A documented rule a usage record breaks, with the per-record code the platform answers it with, the field
 * (snake_case wire name) and what is wrong.
 */
public record UsageViolation(UsageRecordErrorCode.Known code, String field, String detail) {

    @Override
    public String toString() {
        return code.code() + " " + field + ": " + detail;
    }
}
