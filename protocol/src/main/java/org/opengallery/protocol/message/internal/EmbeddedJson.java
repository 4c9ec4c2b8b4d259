package org.opengallery.protocol.message.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;

/**
 * Reads a value that may arrive either as JSON or as a JSON string containing that JSON (the full org sync
 * example sends {@code "orgInfoList":"[{...}]"} where the table says an array). Use as
 * {@code @JsonDeserialize(using = EmbeddedJson.class)}; the value is written back as plain JSON.
 */
public final class EmbeddedJson extends JsonDeserializer<Object> implements ContextualDeserializer {

    private final JavaType type;

    public EmbeddedJson() {
        this(null);
    }

    private EmbeddedJson(JavaType type) {
        this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType target = property != null ? property.getType() : context.getContextualType();
        return new EmbeddedJson(target);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (text.isBlank()) {
                return null;
            }
            JsonNode embedded;
            try (JsonParser inner = parser.getCodec().getFactory().createParser(text)) {
                embedded = inner.readValueAsTree();
            }
            try (JsonParser inner = embedded.traverse(parser.getCodec())) {
                inner.nextToken();
                return context.readValue(inner, type);
            }
        }
        return context.readValue(parser, type);
    }
}
