package org.opengallery.sellerdemo;

import java.time.Instant;

/** A tenant of the notes SaaS: one per delivered instance. */
public record Workspace(String instanceId, String orderId, Plan plan, int notesLimit, Status status,
                        String chargingMode, Instant expireTime, Instant createdAt) {

    /** Whether people can use it. */
    public enum Status {
        /** Open. */
        ACTIVE,
        /** Expired or suspended by the platform: login blocked, notes kept. */
        FROZEN
    }

    public boolean payPerUse() {
        return "ON_DEMAND".equals(chargingMode) || "ON_DEMAND_PKG".equals(chargingMode) || "3".equals(chargingMode);
    }
}
