package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * {@code testFlag}: whether the platform sends a debug (调测) call. V2 and V1 send the strings {@code "1"} /
 * {@code "0"} or omit the field for production (newer pages); kit sync sends the integers {@code 1} /
 * {@code 0}. Reading accepts all of these; an absent flag is a null field, meaning production (see {@link
 * #isDebug(TestFlag)}). Written as a string, or as a number where {@link AsNumber} is applied (kit sync).
 */
public enum TestFlag {
    /** {@code 0}: a production call. */
    PRODUCTION("0"),
    /** {@code 1}: a debug call from the seller console or the daily dial test. */
    DEBUG("1");

    private final String code;

    TestFlag(String code) {
        this.code = code;
    }

    /** The wire value, {@code "0"} or {@code "1"}. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Reads {@code "1"}/{@code "0"}, {@code 1}/{@code 0} or {@code true}/{@code false}; an empty string counts
     * as absent (null).
     *
     * @throws InvalidMessageException for any other value
     */
    @JsonCreator
    public static TestFlag of(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        switch (text) {
            case "":
                return null;
            case "0":
            case "false":
                return PRODUCTION;
            case "1":
            case "true":
                return DEBUG;
            default:
                throw new InvalidMessageException("testFlag", "unknown test flag '" + value + "'; expected 1 or 0");
        }
    }

    /** Whether a possibly absent flag marks a debug call; absent means production. */
    public static boolean isDebug(TestFlag flag) {
        return flag == DEBUG;
    }

    /** Writes the flag as the integer {@code 0}/{@code 1}, as kit sync does. */
    public static final class AsNumber extends StdSerializer<TestFlag> {

        public AsNumber() {
            super(TestFlag.class);
        }

        @Override
        public void serialize(TestFlag flag, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(flag == DEBUG ? 1 : 0);
        }
    }
}
