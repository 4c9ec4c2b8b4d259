package org.opengallery.conformance;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls like KooGallery after a {@code 000004} create: again and again, backing off from 100 ms to 2 s between
 * tries, until the answer is there or the run's provisioning timeout is spent.
 */
final class Patience {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    /** One try: the value, or why it is not there yet. */
    record Attempt<T>(T value, String notYet) {
        static <T> Attempt<T> done(T value) {
            return new Attempt<>(value, null);
        }

        static <T> Attempt<T> notYet(String why) {
            return new Attempt<>(null, why);
        }
    }

    private final Duration limit;

    Patience(Duration limit) {
        this.limit = limit;
    }

    /**
     * Tries until {@code probe} gives a value. A probe may throw {@link CaseFailure} to give up at once.
     *
     * @param goal what is awaited, for the failure: e.g. {@code appInfo with frontEndUrl for instance X}
     * @throws CaseFailure when the time is spent, naming the goal and the last answer
     */
    <T> T await(String goal, Supplier<Attempt<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Attempt<T> attempt = probe.get();
            if (attempt.notYet() == null) {
                return attempt.value();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CaseFailure("no " + goal + " within " + limit.toSeconds() + " s; last answer: "
                        + attempt.notYet());
            }
            sleep(Math.min(pause.toNanos(), left));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseFailure("interrupted while waiting");
        }
    }
}
