package org.opengallery.conformance;

/**
 * The seller broke the rule a case checks. Thrown from deep inside a case (an answer's parser, a poll that ran
 * out of time) so the case reads as the happy path; {@link ConformanceCheck} turns it into {@link
 * Outcome.Failed}. The message is the reason printed, so it must never hold a key or a secret.
 */
final class CaseFailure extends RuntimeException {

    CaseFailure(String reason) {
        super(reason, null, false, false);
    }
}
