package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.nio.charset.StandardCharsets;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;

/**
 * A V2 basic-interface request body. Sealed, so the set of records is closed (and a Java 21 pattern
 * {@code switch} over it is exhaustive); the {@code activity} field is the type id (read to pick the record,
 * written first).
 *
 * <pre>{@code
 * V2Request request = V2Request.parse(body);          // after the signature check
 * Response answer = switch (request.activity()) {
 *     case NEW_INSTANCE -> NewInstanceResponse.inProgress(provisionLater((NewInstanceRequest) request));
 *     case QUERY_INSTANCE -> QueryInstanceResponse.of(infoFor(((QueryInstanceRequest) request).instanceIds()));
 *     case RELEASE_INSTANCE -> { release((ReleaseInstanceRequest) request); yield ResultResponse.success(); }
 *     ...
 * };
 * String json = ProtocolJson.write(answer);
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "activity")
@JsonTypeIdResolver(V2ActivityTypeIds.class)
public sealed interface V2Request extends Message
        permits NewInstanceRequest, QueryInstanceRequest, RefreshInstanceRequest, UpdateInstanceStatusRequest,
                ReleaseInstanceRequest, UpgradeInstanceRequest, ChangeInstanceCheckRequest, OrderNotifyRequest {

    /** Which interface this is; written as the {@code activity} field. */
    V2Activity activity();

    /** {@code testFlag}; null when absent, which means production. */
    TestFlag testFlag();

    /** Whether this is a debug call ({@code testFlag} {@code "1"}). */
    @JsonIgnore
    default boolean isDebug() {
        return TestFlag.isDebug(testFlag());
    }

    /**
     * Reads a V2 request body of any activity.
     *
     * @throws MissingFieldException if there is no {@code activity} or a mandatory field is missing
     * @throws org.opengallery.protocol.message.UnknownActivityException if the activity is not a V2 one
     * @throws InvalidMessageException if the body is not a JSON object or a field is malformed
     */
    static V2Request parse(String body) {
        JsonNode tree = ProtocolJson.read(body == null ? "" : body, JsonNode.class);
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException(null, "request body is not a JSON object");
        }
        JsonNode activity = tree.get("activity");
        if (activity == null || activity.isNull() || activity.asText().isEmpty()) {
            throw new MissingFieldException("activity");
        }
        V2Activity.of(activity.asText());
        return ProtocolJson.read(tree, V2Request.class);
    }

    /** Reads a V2 request body of any activity from UTF-8 bytes; see {@link #parse(String)}. */
    static V2Request parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }
}
