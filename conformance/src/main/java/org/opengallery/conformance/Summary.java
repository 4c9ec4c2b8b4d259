package org.opengallery.conformance;

/** How many cases passed, failed and were skipped, and the exit code that makes of it. */
public record Summary(int passed, int failed, int skipped) {

    /** Exit code when every case passed or was skipped. */
    public static final int ALL_PASSED = 0;
    /** Exit code when at least one case failed. */
    public static final int SOME_FAILED = 1;

    public int exitCode() {
        return failed == 0 ? ALL_PASSED : SOME_FAILED;
    }

    /** {@code N passed, M failed}, plus {@code , K skipped} when some were. */
    public String line() {
        return passed + " passed, " + failed + " failed" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }
}
