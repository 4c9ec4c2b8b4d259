package org.opengallery.protocol.message.v2;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.InstanceIds;
import org.opengallery.protocol.message.internal.Fields;

/**
 * {@code queryInstance} (查询实例信息): report instance information. {@code instanceId} holds one or
 * several comma-separated ids, at most {@value InstanceIds#MAX}; more is rejected on construction.
 */
public record QueryInstanceRequest(String instanceId, TestFlag testFlag, @JsonAnySetter Map<String, Object> extra)
        implements V2Request {

    public QueryInstanceRequest {
        InstanceIds.split(instanceId);
        extra = Fields.unknown(extra);
    }

    public QueryInstanceRequest(String instanceId, TestFlag testFlag) {
        this(instanceId, testFlag, Map.of());
    }

    /** A query for these ids (at most {@value InstanceIds#MAX}). */
    public static QueryInstanceRequest of(List<String> instanceIds, TestFlag testFlag) {
        return new QueryInstanceRequest(InstanceIds.join(instanceIds), testFlag);
    }

    /** The queried ids, in order. */
    public List<String> instanceIds() {
        return InstanceIds.split(instanceId);
    }

    @Override
    public V2Activity activity() {
        return V2Activity.QUERY_INSTANCE;
    }
}
