package org.opengallery.protocol.message.instance;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/**
 * One element of queryInstance's {@code info}: the {@code instanceId} and its {@link AppInfo}; V1 adds
 * {@code usageInfos} (also read from {@code usageInfo}, both spellings occur) and {@code dashboardUrl}
 * (≤ 512) for pay-per-use packages. Where V1 puts those two (per instance or beside {@code info}) is not
 * clear; this reading puts them per instance, and a top-level occurrence survives in the answer's extra.
 */
public record InstanceInfo(
        String instanceId,
        AppInfo appInfo,
        @JsonAlias("usageInfo") List<UsageInfo> usageInfos,
        String dashboardUrl,
        @JsonAnySetter Map<String, Object> extra) implements Message {

    public InstanceInfo {
        usageInfos = Fields.list(usageInfos);
        extra = Fields.unknown(extra);
    }

    public InstanceInfo(String instanceId, AppInfo appInfo) {
        this(instanceId, appInfo, null, null, Map.of());
    }
}
