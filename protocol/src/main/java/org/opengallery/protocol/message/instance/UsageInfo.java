package org.opengallery.protocol.message.instance;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigDecimal;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 queryInstance usage of a pay-per-use package: {@code relatedInstanceId} and {@code usageValue}
 * (Double(12,4)). Only these two fields are documented; the rest is kept in {@link #extra()}.
 */
public record UsageInfo(String relatedInstanceId, BigDecimal usageValue, @JsonAnySetter Map<String, Object> extra)
        implements Message {

    public UsageInfo {
        extra = Fields.unknown(extra);
    }

    public UsageInfo(String relatedInstanceId, BigDecimal usageValue) {
        this(relatedInstanceId, usageValue, Map.of());
    }
}
