package org.opengallery.conformance;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Prints one line per case as soon as it completes (the lines are the progress) and the summary at the end.
 * Thread-safe, though cases run one after the other.
 */
public final class Report {

    private final PrintWriter out;
    private int passed;
    private int failed;
    private int skipped;

    public Report(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints the case's line and counts it. */
    public synchronized void record(String caseName, Outcome outcome) {
        if (outcome instanceof Outcome.Passed) {
            passed++;
        } else if (outcome instanceof Outcome.Failed) {
            failed++;
        } else {
            skipped++;
        }
        out.println(outcome.line(caseName));
        out.flush();
    }

    /** Prints the summary line and returns the counts. */
    public synchronized Summary finish() {
        Summary summary = new Summary(passed, failed, skipped);
        out.println(summary.line());
        out.flush();
        return summary;
    }
}
