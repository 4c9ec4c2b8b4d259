package org.opengallery.protocol.message.usage;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * The usage-push answer: {@code error_code} ({@code MKT.0000} success) and {@code error_msg}, e.g.
 * {@code {"error_code":"MKT.0000","error_msg":"success"}}. The shape of per-record results is unconfirmed:
 * whatever else the answer carries stays in {@link #extra()}, and its per-record codes read with {@link
 * UsageRecordErrorCode#of(String)}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsagePushResponse(UsageErrorCode errorCode, String errorMsg, @JsonAnySetter Map<String, Object> extra)
        implements Message {

    public UsagePushResponse {
        extra = Fields.unknown(extra);
    }

    public UsagePushResponse(UsageErrorCode errorCode, String errorMsg) {
        this(errorCode, errorMsg, Map.of());
    }

    /** {@code MKT.0000} / {@code success}. */
    public static UsagePushResponse success() {
        return new UsagePushResponse(UsageErrorCode.Known.SUCCESS, "success");
    }

    /** The code with its documented meaning as message. */
    public static UsagePushResponse of(UsageErrorCode code) {
        return new UsagePushResponse(code, code.meaning());
    }

    /** Whether the push was accepted ({@code MKT.0000}). */
    @JsonIgnore
    public boolean isSuccess() {
        return errorCode != null && errorCode.isSuccess();
    }
}
