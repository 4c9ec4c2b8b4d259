package org.opengallery.marketplace.integration;

import java.time.Instant;

/** A saved debug case (调测用例): one per address and scenario, re-run by the dial tests; its last outcome. */
public record DebugCase(long id, long addressId, Scenario scenario, Instant savedAt, Instant lastRunAt,
        boolean lastPassed, String lastVerdict) {}
