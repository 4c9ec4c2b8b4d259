package org.opengallery.protocol.message.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.opengallery.protocol.message.InvalidMessageException;

/**
 * Freeze or unfreeze an instance: V2 updateInstanceStatus {@code status} ({@code FREEZE}/{@code UNFREEZE});
 * V1 instanceStatus {@code instanceStatus}, whose value set is unconfirmed, so {@code FROZEN}/{@code NORMAL}
 * are read too (the state the instance should be in). Written as {@code FREEZE}/{@code UNFREEZE}.
 */
public enum InstanceStatusChange {
    /** Expired or in violation: stop service, keep data through the freeze period. */
    FREEZE,
    /** Renewed or violation lifted: serve again. */
    UNFREEZE;

    @JsonValue
    public String code() {
        return name();
    }

    /**
     * Reads {@code FREEZE}/{@code UNFREEZE} or V1's {@code FROZEN}/{@code NORMAL}, case-insensitively.
     *
     * @throws InvalidMessageException for any other value
     */
    @JsonCreator
    public static InstanceStatusChange of(String value) {
        String text = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        switch (text) {
            case "FREEZE":
            case "FROZEN":
                return FREEZE;
            case "UNFREEZE":
            case "NORMAL":
                return UNFREEZE;
            default:
                throw new InvalidMessageException(null,
                        "unknown instance status '" + value + "'; expected FREEZE, UNFREEZE, FROZEN or NORMAL");
        }
    }
}
