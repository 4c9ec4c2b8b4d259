package org.opengallery.conformance;

import java.util.Objects;

/**
 * One rule of the protocol, checked by sending what KooGallery sends and judging what comes back.
 *
 * @param name   stable kebab-case name printed in the report, e.g. {@code create-again-same-instance}
 * @param checks what the case checks, in a sentence (the README's list)
 * @param body   the check: returns {@link Outcome#pass()} (or a pass with a note, or a skip), throws {@link
 *               CaseFailure} when the seller breaks the rule
 */
public record Case(String name, String checks, Body body) {

    public Case {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(body, "body");
    }

    /** The check itself; runs against the state earlier cases left in the {@link CheckRun}. */
    @FunctionalInterface
    public interface Body {
        Outcome run(CheckRun run);
    }
}
