package org.opengallery.protocol.message.v1;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.instance.InstanceIds;
import org.opengallery.protocol.message.internal.Fields;

/**
 * V1 {@code queryInstance} (查询实例信息): {@code instanceId} holds one or several comma-separated ids (at
 * most {@value InstanceIds#MAX}, as in V2).
 */
public record V1QueryInstanceRequest(
        String instanceId,
        TestFlag testFlag,
        String timeStamp,
        String authToken,
        @JsonAnySetter Map<String, Object> extra) implements V1Request {

    public V1QueryInstanceRequest {
        InstanceIds.split(instanceId);
        extra = Fields.unknown(extra);
    }

    /** The view of these URL-decoded parameters; see {@link V1Request#from(Map)}. */
    public static V1QueryInstanceRequest from(Map<String, String> parameters) {
        return V1Request.from(parameters, V1QueryInstanceRequest.class);
    }

    /** The queried ids, in order. */
    public List<String> instanceIds() {
        return InstanceIds.split(instanceId);
    }

    @Override
    public V1Activity activity() {
        return V1Activity.QUERY_INSTANCE;
    }
}
