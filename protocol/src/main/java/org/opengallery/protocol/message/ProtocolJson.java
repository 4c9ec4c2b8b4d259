package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration for protocol messages, and read/write shortcuts that turn Jackson's failures
 * into {@link InvalidMessageException}s.
 *
 * <p>Configuration: unknown properties never fail (the records keep them anyway); null fields are not
 * written; properties are written in name order, as KooGallery writes its own requests (so a parsed example
 * is written back byte for byte), unknown fields after them; compact output; non-ASCII escaped as
 * <code>&#92;uXXXX</code> (V1 requires it in {@code memo}, and it is harmless JSON everywhere); JSON decimals in
 * unknown fields kept as {@code BigDecimal} so they survive a round trip exactly; {@code BigDecimal} written
 * plain, never in exponent notation.
 */
public final class ProtocolJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProtocolJson() {}

    /** A new mapper with the protocol configuration; yours to configure further. Create once and keep it. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Reads a message of the given type. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** Reads a message of the given type from UTF-8 bytes. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** Reads a message of the given type from an already parsed tree. */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** The message as a JSON tree, as {@link #write(Object)} would write it. */
    public static JsonNode tree(Object message) {
        return MAPPER.valueToTree(message);
    }

    /** Writes a message as compact JSON. */
    public static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a message as compact JSON in UTF-8 (pure ASCII, since non-ASCII is escaped). */
    public static byte[] writeBytes(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The failure as an {@link InvalidMessageException}: our own exception thrown inside a creator is
     * unwrapped (its field placed under the path where it happened), anything else keeps Jackson's text.
     */
    private static InvalidMessageException invalid(IOException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping) : null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidMessageException invalid) {
                if (invalid.field().isEmpty() || path == null) {
                    return invalid.under(path);
                }
                // An enum or value creator names the field itself, and the path already ends with it.
                String field = invalid.field().get();
                return path.equals(field) || path.endsWith("." + field) ? sameAt(invalid, path) : invalid.under(path);
            }
        }
        String reason = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        return new InvalidMessageException(path, reason, e);
    }

    private static InvalidMessageException sameAt(InvalidMessageException invalid, String path) {
        if (invalid instanceof MissingFieldException) {
            return new MissingFieldException(path);
        }
        return path.equals(invalid.field().orElse(null)) ? invalid : new InvalidMessageException(path, invalid.reason(), invalid);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
