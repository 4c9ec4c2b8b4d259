package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.MissingFieldException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * A V1 request: typed view of the decoded parameters of one activity. Sealed: the set of
 * records is closed; dispatch on {@link #activity()}. Every view keeps the parameters it does not know in {@link #extra()} (they are signed
 * too, so {@link #parameters()} gives them back). {@code authToken} and {@code timeStamp} are carried but
 * not required here: checking them is the verifier's job, and a sender builds the view before signing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "activity")
@JsonTypeIdResolver(V1ActivityTypeIds.class)
public sealed interface V1Request extends Message
        permits V1NewInstanceRequest, V1RefreshInstanceRequest, V1ExpireInstanceRequest, V1ReleaseInstanceRequest,
                V1UpgradeRequest, V1InstanceStatusRequest, V1QueryInstanceRequest, V1GetLicenseRequest {

    /** Which interface this is; the {@code activity} parameter. */
    V1Activity activity();

    /** {@code testFlag}: {@code 1} debug, {@code 0} or absent production. */
    TestFlag testFlag();

    /** {@code timeStamp}: request time, UTC {@code yyyyMMddHHmmssSSS}, part of the authToken key. */
    String timeStamp();

    /** {@code authToken}: Base64 HMAC-SHA256 over the other parameters. */
    String authToken();

    /** Whether this is a debug call. */
    @JsonIgnore
    default boolean isDebug() {
        return TestFlag.isDebug(testFlag());
    }

    /**
     * When the platform sent the request, from {@code timeStamp} (17 or 14 digits, UTC); empty if absent.
     *
     * @throws InvalidMessageException if it is malformed
     */
    default Optional<Instant> sentAt() {
        return Optional.ofNullable(Fields.time("timeStamp", timeStamp(), ProtocolTime::parseDateTime));
    }

    /**
     * All parameters of this request as the wire carries them: {@code activity}, the known ones that are
     * present, and the unknown ones, sorted by name.
     */
    default Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        JsonNode tree = ProtocolJson.tree(this);
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                parameters.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * The view of URL-decoded request parameters (GET query string), for whichever activity they name.
     *
     * @throws MissingFieldException naming the first mandatory parameter that is absent (or {@code activity})
     * @throws org.opengallery.protocol.message.UnknownActivityException if the activity is not a V1 one
     * @throws InvalidMessageException if a parameter is malformed
     */
    static V1Request from(Map<String, String> parameters) {
        return from(parameters, V1Request.class);
    }

    /**
     * The view of URL-decoded request parameters as a specific request type.
     *
     * @throws InvalidMessageException also if the parameters name another activity
     */
    static <T extends V1Request> T from(Map<String, String> parameters, Class<T> type) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        parameters.forEach((name, value) -> {
            if (name != null && value != null) {
                tree.put(name, value);
            }
        });
        return read(tree, type);
    }

    /** The view of the POST form: the same parameters as a JSON body (token in the authToken header). */
    static V1Request fromJson(String body) {
        return read(ProtocolJson.read(body == null ? "" : body, JsonNode.class), V1Request.class);
    }

    private static <T extends V1Request> T read(JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException(null, "request parameters are not a JSON object");
        }
        JsonNode activity = tree.get("activity");
        if (activity == null || activity.isNull() || activity.asText().isEmpty()) {
            throw new MissingFieldException("activity");
        }
        V1Activity named = V1Activity.of(activity.asText());
        if (!type.isAssignableFrom(named.requestType())) {
            throw new InvalidMessageException("activity", "expected a " + type.getSimpleName() + " but got activity '"
                    + named.code() + "'");
        }
        return ProtocolJson.read(tree, type);
    }
}
