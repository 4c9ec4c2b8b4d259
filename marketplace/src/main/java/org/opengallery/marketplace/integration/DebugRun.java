package org.opengallery.marketplace.integration;

import java.time.Instant;

/**
 * One debug request run from 应用接入调试, as shown to the seller: the exact request and answer (never the key), whether
 * it passes its scenario, and why ({@code verdict}). A passing run can be saved as the scenario's case.
 */
public record DebugRun(long id, long addressId, Scenario scenario, String requestText, String responseText,
        boolean passed, String verdict, String instanceId, Instant createdAt) {}
