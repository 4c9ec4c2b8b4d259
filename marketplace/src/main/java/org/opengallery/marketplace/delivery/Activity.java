package org.opengallery.marketplace.delivery;

/** The production-interface activities the engine calls, with their V2 wire names and retry windows. */
public enum Activity {
    NEW_INSTANCE("newInstance", true),
    REFRESH_INSTANCE("refreshInstance", false),
    UPDATE_INSTANCE_STATUS("updateInstanceStatus", false),
    RELEASE_INSTANCE("releaseInstance", false),
    UPGRADE_INSTANCE("upgradeInstance", true),
    ORDER_NOTIFY("orderNotify", true);

    private final String wireName;
    private final boolean provisioningWindow;

    Activity(String wireName, boolean provisioningWindow) {
        this.wireName = wireName;
        this.provisioningWindow = provisioningWindow;
    }

    /** The V2 {@code activity} value, also how calls and events name the activity. */
    public String wireName() {
        return wireName;
    }

    /** Retried for the 3-hour provisioning window (create, upgrade, order notification), else the 1-hour one. */
    boolean provisioningWindow() {
        return provisioningWindow;
    }
}
