package org.opengallery.protocol.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.opengallery.protocol.InvalidParameterException;

/** Reads request bodies that must be JSON objects, rejecting anything else as an invalid {@code body}. */
public final class JsonBodies {

    /** A default mapper, as Huawei's samples use: their canonical JSON is what its writer produces. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    public static JsonNode parseObject(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidParameterException("body", "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("body", "must be a JSON object");
        }
        return root;
    }
}
