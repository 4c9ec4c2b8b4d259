package org.opengallery.protocol.message;

import java.util.Optional;
import org.opengallery.protocol.ProtocolException;

/**
 * A message cannot be read: malformed JSON, a wrong type, a value outside a closed set, a mandatory field
 * missing. Carries the field path (e.g. {@code orderLine[0].chargingMode}) when one is known. A seller answers
 * it with {@link #resultCode()} {@code 000002}.
 */
public class InvalidMessageException extends ProtocolException {

    private final String field;
    private final String reason;

    public InvalidMessageException(String field, String reason) {
        this(field, reason, null);
    }

    public InvalidMessageException(String field, String reason, Throwable cause) {
        super(field == null || field.isEmpty() ? reason : field + ": " + reason, cause);
        this.field = field == null || field.isEmpty() ? null : field;
        this.reason = reason;
    }

    /** The offending field's path within the message, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }

    /** The result code to answer with: {@code 000002}, invalid request parameter. */
    public String resultCode() {
        return ResultCode.Known.INVALID_PARAMETER.code();
    }

    /**
     * The same failure seen from an enclosing message: the field path gets {@code path} in front. Used when a
     * nested structure rejects its content.
     */
    public InvalidMessageException under(String path) {
        if (path == null || path.isEmpty()) {
            return this;
        }
        return new InvalidMessageException(join(path, field), reason, this);
    }

    static String join(String path, String field) {
        if (field == null) {
            return path;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }
}
