package org.opengallery.protocol.time;

import java.util.List;
import org.opengallery.protocol.ProtocolException;

/**
 * A time value on the wire does not match the format the protocol expects there. Carries the value and the
 * accepted formats, so an answer can say exactly what was wrong.
 */
public final class InvalidTimeException extends ProtocolException {

    private final String value;
    private final List<String> expectedFormats;

    public InvalidTimeException(String value, List<String> expectedFormats) {
        super("invalid time " + (value == null ? "null" : "'" + value + "'") + ": expected "
                + String.join(" or ", expectedFormats));
        this.value = value;
        this.expectedFormats = List.copyOf(expectedFormats);
    }

    /** The rejected text as received; {@code null} if the value was missing. */
    public String value() {
        return value;
    }

    /** The formats that would have been accepted, as patterns such as {@code yyyyMMddHHmmss}. */
    public List<String> expectedFormats() {
        return expectedFormats;
    }
}
