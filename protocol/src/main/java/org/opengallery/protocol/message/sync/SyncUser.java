package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * A user in {@code authSync}'s {@code userList}: {@code userName} (the joint-operation account, mandatory),
 * {@code name}, {@code orgCode}, {@code position}, {@code employeeCode}, {@code employeeType} (1 regular,
 * 2 intern, 3 dispatched, 4 outsourced), {@code role} ({@code user}/{@code admin}; an admin gets admin
 * rights in the app), {@code enable} ({@code "true"}/{@code "false"}), {@code mobile}, {@code email},
 * {@code workPlace}; V1 also {@code entryDate} and an {@code extension} object (e.g. ERP ledgers), kept as
 * JSON.
 */
public record SyncUser(
        String userName,
        String name,
        String orgCode,
        String position,
        String employeeCode,
        Integer employeeType,
        String role,
        String enable,
        String mobile,
        String email,
        String workPlace,
        String entryDate,
        JsonNode extension,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public SyncUser {
        Fields.require("userName", userName);
        extra = Fields.unknown(extra);
    }

    /** Whether {@code role} is {@code admin}. */
    @JsonIgnore
    public boolean isAdmin() {
        return "admin".equalsIgnoreCase(role);
    }

    /** Whether {@code enable} is {@code "true"} (absent counts as enabled). */
    @JsonIgnore
    public boolean isEnabled() {
        return enable == null || "true".equalsIgnoreCase(enable.trim());
    }
}
