package org.opengallery.protocol.message.oauth;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * An OAuth error answer: {@code error} and {@code error_description}, e.g. 400 {@code invalid_grant} /
 * "Invalid authorization code" from the token endpoint, 401 {@code unauthorized} from userinfo.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenError(String error, String errorDescription, @JsonAnySetter Map<String, Object> extra)
        implements Message {

    /** {@code error} of a bad, used or expired code or refresh token. */
    public static final String INVALID_GRANT = "invalid_grant";
    /** {@code error} of a userinfo call without a valid bearer token. */
    public static final String UNAUTHORIZED = "unauthorized";

    public TokenError {
        extra = Fields.unknown(extra);
    }

    public TokenError(String error, String errorDescription) {
        this(error, errorDescription, Map.of());
    }
}
