package org.opengallery.protocol.message.instance;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * How the buyer uses the instance: {@code frontEndUrl} (mandatory on the wire, ≤ 512), {@code adminUrl},
 * the admin {@code userName}/{@code password} (≤ 128 each; in V1 encrypted per {@code encryptType}) and a
 * {@code memo} (≤ 1024). {@link #toString()} hides the password.
 */
public record AppInfo(
        String frontEndUrl,
        String adminUrl,
        String userName,
        String password,
        String memo,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public AppInfo {
        extra = Fields.unknown(extra);
    }

    public AppInfo(String frontEndUrl, String adminUrl, String userName, String password, String memo) {
        this(frontEndUrl, adminUrl, userName, password, memo, Map.of());
    }

    @Override
    public String toString() {
        return "AppInfo[frontEndUrl=" + frontEndUrl + ", adminUrl=" + adminUrl + ", userName=" + userName
                + ", password=" + (password == null ? null : "***") + ", memo=" + memo + ", extra=" + extra + "]";
    }
}
