package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.opengallery.protocol.message.InvalidMessageException;

/**
 * The kit sync {@code flag}: what to do with the synced data. An integer on the wire ({@code "1"} as a
 * string is read too). Repeated adds and deletes must succeed; a delete must not insist the data exists.
 */
public enum SyncFlag {
    /** {@code 0}: delete. */
    DELETE(0),
    /** {@code 1}: add. */
    ADD(1),
    /** {@code 2}: modify (tenant sync: name and domain only). */
    MODIFY(2),
    /** {@code 3}: cancel authorisation (user authorisation sync only). */
    CANCEL_AUTHORIZATION(3);

    private final int code;

    SyncFlag(int code) {
        this.code = code;
    }

    /** The wire value. */
    @JsonValue
    public int code() {
        return code;
    }

    /**
     * The flag with this value ({@code 0}…{@code 3}, as a number or a numeric string).
     *
     * @throws InvalidMessageException for any other value
     */
    @JsonCreator
    public static SyncFlag of(Object value) {
        String text = String.valueOf(value).trim();
        for (SyncFlag flag : values()) {
            if (Integer.toString(flag.code).equals(text)) {
                return flag;
            }
        }
        throw new InvalidMessageException("flag", "unknown sync flag '" + value
                + "'; expected 0 (delete), 1 (add), 2 (modify) or 3 (cancel authorisation)");
    }
}
