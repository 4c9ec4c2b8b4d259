package org.opengallery.conformance;

/** How one case ended, and the line the report prints for it. */
public sealed interface Outcome {

    /** The report line: {@code PASS name}, {@code PASS name: note}, {@code FAIL name: reason}, {@code SKIP name: why}. */
    String line(String caseName);

    /** The seller did what the protocol asks; {@code note} (may be null) says which of several allowed answers it gave. */
    record Passed(String note) implements Outcome {
        @Override
        public String line(String caseName) {
            return note == null ? "PASS " + caseName : "PASS " + caseName + ": " + Excerpt.oneLine(note);
        }
    }

    /** The seller broke a rule; {@code reason} says which and what came back. */
    record Failed(String reason) implements Outcome {
        @Override
        public String line(String caseName) {
            return "FAIL " + caseName + ": " + Excerpt.oneLine(reason);
        }
    }

    /** The case could not be run (an option is missing, or an earlier case provided nothing to work on). */
    record Skipped(String why) implements Outcome {
        @Override
        public String line(String caseName) {
            return "SKIP " + caseName + ": " + Excerpt.oneLine(why);
        }
    }

    static Outcome pass() {
        return new Passed(null);
    }

    static Outcome pass(String note) {
        return new Passed(note);
    }

    static Outcome skip(String why) {
        return new Skipped(why);
    }
}
