package org.opengallery.protocol.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opengallery.protocol.InvalidParameterException;
import org.opengallery.protocol.internal.JsonBodies;

/**
 * The request payload V2 signatures cover: the JSON body's top-level fields sorted by name (Java
 * {@code String} order), fields whose value is null left out, written as compact JSON by Jackson.
 *
 * <p>This mirrors Huawei's sample exactly: it reads the body into a {@code TreeMap}, drops null values and
 * writes it back with a default {@code ObjectMapper}, so nested objects keep their own key order and nulls,
 * decimals are re-written the way Jackson writes a {@code Double}, and non-ASCII characters stay unescaped.
 * Because the sample's basic-interface verifier reads the body as {@code Map<String,String>} (numbers turn
 * into quoted strings) and because a sender may simply sign the bytes it sends, a verifier tries every form
 * in {@link #candidates(byte[])}.
 */
public final class CanonicalPayload {

    private static final ObjectMapper JSON = JsonBodies.MAPPER;

    private CanonicalPayload() {
    }

    /** The canonical payload of a JSON object body, the form signers use. */
    public static String of(byte[] body) {
        return write(sortedFields(parse(body), false));
    }

    /** The canonical payload of a JSON object body given as text. */
    public static String of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every payload a sender may have signed for this body, most likely first and without repeats: the
     * canonical form, the canonical form with scalar values written as strings, and the raw body text. A
     * body that is not a JSON object yields only the raw text.
     */
    public static List<String> candidates(byte[] body) {
        List<String> out = new ArrayList<>(3);
        anyMatches(body, candidate -> !out.add(candidate));
        return out;
    }

    /**
     * Whether any candidate payload of {@link #candidates} satisfies {@code test}, building each only when the
     * one before failed: the canonical form almost always matches, so a verifier rarely builds the others.
     */
    public static boolean anyMatches(byte[] body, java.util.function.Predicate<String> test) {
        JsonNode root;
        try {
            root = parse(body);
        } catch (InvalidParameterException notAnObject) {
            return test.test(new String(body, StandardCharsets.UTF_8));
        }
        String canonical = write(sortedFields(root, false));
        if (test.test(canonical)) {
            return true;
        }
        String quoted = write(sortedFields(root, true));
        if (!quoted.equals(canonical) && test.test(quoted)) {
            return true;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        return !raw.equals(canonical) && !raw.equals(quoted) && test.test(raw);
    }

    private static JsonNode parse(byte[] body) {
        return JsonBodies.parseObject(body);
    }

    private static TreeMap<String, Object> sortedFields(JsonNode root, boolean scalarsAsStrings) {
        TreeMap<String, Object> texts = textFields(root);
        if (texts != null) {
            return texts; // a string is written the same either way
        }
        Map<String, Object> fields = JSON.convertValue(root, new TypeReference<Map<String, Object>>() { });
        TreeMap<String, Object> sorted = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                boolean scalar = !(value instanceof Map) && !(value instanceof List);
                sorted.put(name, scalarsAsStrings && scalar ? String.valueOf(value) : value);
            }
        });
        return sorted;
    }

    /**
     * The fields written by hand when every name and value is a string Jackson writes verbatim (no quote,
     * backslash or control character: the only characters its default writer escapes), which is what Jackson
     * would write, without a generator per request; null otherwise, for Jackson to write.
     */
    static String writePlainStrings(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder(256).append('{');
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!(field.getValue() instanceof String value) || !verbatim(field.getKey()) || !verbatim(value)) {
                return null;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(field.getKey()).append("\":\"").append(value).append('"');
        }
        return json.append('}').toString();
    }

    private static boolean verbatim(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * The sorted fields when every value is a string or null (the usual body: ids, codes, times), read off the
     * tree directly — converting the tree to a map costs more than the rest of the signature check; null when
     * some value is anything else.
     */
    private static TreeMap<String, Object> textFields(JsonNode root) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                sorted.put(field.getKey(), value.textValue());
            } else if (!value.isNull()) {
                return null;
            }
        }
        return sorted;
    }

    private static String write(Map<String, Object> fields) {
        String plain = writePlainStrings(fields);
        if (plain != null) {
            return plain;
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always writes back", e);
        }
    }
}
