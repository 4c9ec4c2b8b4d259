package org.opengallery.protocol.message.instance;

import java.util.ArrayList;
import java.util.List;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.MissingFieldException;

/**
 * The {@code instanceId} parameter of queryInstance: one or several ids separated by commas, at most {@value
 * #MAX} per call (V2 §3.2; V1 §5.7 uses the same form).
 */
public final class InstanceIds {

    /** The most ids one queryInstance call may carry. */
    public static final int MAX = 100;

    private InstanceIds() {}

    /**
     * The ids in order, trimmed, empty items skipped.
     *
     * @throws MissingFieldException if there is no id at all
     * @throws InvalidMessageException if there are more than {@value #MAX}
     */
    public static List<String> split(String instanceIds) {
        List<String> ids = new ArrayList<>();
        if (instanceIds != null) {
            for (String id : instanceIds.split(",", -1)) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new MissingFieldException("instanceId");
        }
        if (ids.size() > MAX) {
            throw new InvalidMessageException("instanceId",
                    ids.size() + " instance ids; at most " + MAX + " per queryInstance call");
        }
        return List.copyOf(ids);
    }

    /** The wire form of several ids: joined with commas, checked against the limit. */
    public static String join(List<String> ids) {
        String joined = String.join(",", ids);
        split(joined);
        return joined;
    }
}
