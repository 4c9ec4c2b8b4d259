package org.opengallery.conformance;

/** A case cannot run because what it works on is missing; {@link ConformanceCheck} reports it as skipped. */
final class CaseSkipped extends RuntimeException {

    CaseSkipped(String why) {
        super(why, null, false, false);
    }
}
