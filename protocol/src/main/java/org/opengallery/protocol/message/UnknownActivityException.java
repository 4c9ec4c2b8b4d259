package org.opengallery.protocol.message;

import java.util.List;

/**
 * The {@code activity} names no interface of the protocol version at hand (a V1 name sent to a V2 endpoint,
 * a typo, an activity added after this code). Carries the received name and the accepted ones.
 */
public final class UnknownActivityException extends InvalidMessageException {

    private final String activity;
    private final List<String> knownActivities;

    public UnknownActivityException(String protocolVersion, String activity, List<String> knownActivities) {
        super("activity", "unknown " + protocolVersion + " activity '" + activity + "'; expected one of "
                + String.join(", ", knownActivities));
        this.activity = activity;
        this.knownActivities = List.copyOf(knownActivities);
    }

    /** The activity name as received. */
    public String activity() {
        return activity;
    }

    /** The activity names this protocol version accepts. */
    public List<String> knownActivities() {
        return knownActivities;
    }
}
