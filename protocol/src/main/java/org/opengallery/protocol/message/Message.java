package org.opengallery.protocol.message;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A protocol message (request, response or a structure inside one). The platform adds fields over time and
 * signatures cover fields nobody has heard of yet, so a message never drops what it does not know: unknown
 * fields land in {@link #extra()} and are written back after the known ones.
 *
 * <p>The pattern for a record: the last component is {@code @JsonAnySetter Map<String, Object> extra}, and
 * the compact constructor normalises it with {@code Fields.unknown(extra)} (an immutable, sorted copy; never
 * null). The {@link JsonAnyGetter} here is inherited by the record's accessor, and {@link JsonInclude} keeps
 * null fields off the wire, with any {@code ObjectMapper}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface Message {

    /** Fields this type does not model, by wire name, in the order they are written back (sorted). */
    @JsonAnyGetter
    Map<String, Object> extra();
}
