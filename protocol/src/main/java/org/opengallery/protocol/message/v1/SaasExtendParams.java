package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.opengallery.protocol.message.ExtendParam;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1's {@code saasExtendParams}: Base64 of a JSON array of {@code {"name","value"}} objects (e.g.
 * {@code platformParams} with tenant fields). Decoding forgives a {@code +} turned into a space by one URL
 * decoding too many, and missing padding.
 */
public record SaasExtendParams(List<ExtendParam> params) {

    public SaasExtendParams {
        params = params == null ? List.of() : Fields.list(params);
    }

    /**
     * Decodes the parameter value; null or empty gives no params.
     *
     * @throws InvalidMessageException naming {@code saasExtendParams} if it is not Base64 of a JSON array
     */
    public static SaasExtendParams decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return new SaasExtendParams(List.of());
        }
        byte[] json;
        try {
            json = Base64.getDecoder().decode(pad(base64.trim().replace(' ', '+')));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("saasExtendParams", "not Base64: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = ProtocolJson.read(json, JsonNode.class);
        } catch (InvalidMessageException e) {
            throw new InvalidMessageException("saasExtendParams", "not JSON: " + e.reason(), e);
        }
        if (tree == null || !tree.isArray()) {
            throw new InvalidMessageException("saasExtendParams", "not a JSON array of {name, value}");
        }
        List<ExtendParam> params = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            try {
                params.add(ProtocolJson.read(tree.get(i), ExtendParam.class));
            } catch (InvalidMessageException e) {
                throw e.under("saasExtendParams[" + i + "]");
            }
        }
        return new SaasExtendParams(params);
    }

    /** The wire form: Base64 (standard alphabet, padded) of the compact JSON array. */
    public String encode() {
        return Base64.getEncoder().encodeToString(ProtocolJson.writeBytes(params));
    }

    /** The value of the first param with this name, as text. */
    public Optional<String> value(String name) {
        return params.stream().filter(p -> name.equals(p.name())).findFirst().map(ExtendParam::text);
    }

    private static String pad(String base64) {
        int remainder = base64.length() % 4;
        return remainder == 0 ? base64 : base64 + "=".repeat(4 - remainder);
    }
}
