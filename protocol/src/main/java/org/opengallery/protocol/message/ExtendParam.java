package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.opengallery.protocol.message.internal.Fields;

/**
 * A {@code {name, value}} pair: Query Order's {@code extendParams} and the items of V1's Base64
 * {@code saasExtendParams}. The value is kept as JSON because it is not always a string (V1's
 * {@code platformParams} carries tenant fields); {@link #text()} reads it as text.
 */
public record ExtendParam(String name, JsonNode value, @JsonAnySetter Map<String, Object> extra) implements Message {

    public ExtendParam {
        extra = Fields.unknown(extra);
    }

    /** A pair with a string value. */
    public static ExtendParam of(String name, String value) {
        return new ExtendParam(name, value == null ? null : TextNode.valueOf(value), Map.of());
    }

    /** The value as text: a string as is, other JSON as its compact JSON text, null if absent. */
    public String text() {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
