package org.opengallery.protocol.message.oauth;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * 200 answer of {@code GET {domainName}/api/v1/oauth2/userinfo}: {@code id}, {@code userName}, {@code name},
 * {@code email}, {@code mobile}, {@code role}, {@code organizationName}, {@code userId}, {@code
 * organizationCode}, {@code projectName} (the tenant's name) and {@code tenant} (the tenant id).
 */
public record UserInfo(
        String id,
        String userName,
        String name,
        String email,
        String mobile,
        String role,
        String organizationName,
        String userId,
        String organizationCode,
        String projectName,
        String tenant,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public UserInfo {
        extra = Fields.unknown(extra);
    }
}
