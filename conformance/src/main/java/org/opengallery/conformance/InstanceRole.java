package org.opengallery.conformance;

/**
 * The instances a run creates and what each is for. Cases that need one name its role; when the case that
 * should have delivered it failed, they are skipped rather than failed a second time.
 */
enum InstanceRole {
    /** Created first; the lifecycle cases (query, refresh, freeze, upgrade, release) work on it. */
    MAIN("the instance of the create case"),
    /** Created by two concurrent creates; listed with MAIN, and the target of rejected releases. */
    SECOND("the instance of the concurrent-create case"),
    /** Created by the valid create that follows a rejected one. */
    THIRD("the instance created after the rejected create");

    private final String description;

    InstanceRole(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
