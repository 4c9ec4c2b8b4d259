package org.opengallery.conformance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plays KooGallery against one seller: runs the cases for its protocol version (and the kit sync cases when
 * asked) one after the other, reports each as it completes, then releases what the run left behind.
 *
 * <pre>{@code
 * try (MockOpenApi openApi = MockOpenApi.start(9090, AccessKeys.of(ak, sk), key)) {   // optional
 *     Summary summary = new ConformanceCheck(CheckSettings.of(url, key), openApi).run(new Report(out));
 * }
 * }</pre>
 */
public final class ConformanceCheck {

    private final CheckSettings settings;
    private final MockOpenApi openApi;
    private final Clock clock;

    /**
     * @param openApi the mock open API the seller calls back, or null: then the seller's Query Order goes
     *                elsewhere (real KooGallery) and the checker uses the spec's {@code MOCK…} order ids
     */
    public ConformanceCheck(CheckSettings settings, MockOpenApi openApi) {
        this(settings, openApi, Clock.systemUTC());
    }

    ConformanceCheck(CheckSettings settings, MockOpenApi openApi, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.openApi = openApi;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cases a run plays, in order. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>(settings.protocol() == Protocol.V1 ? V1Cases.cases() : V2Cases.cases());
        if (settings.kit()) {
            cases.addAll(KitCases.cases());
        }
        return List.copyOf(cases);
    }

    /** Runs every case, printing a line per case and the summary to the report. */
    public Summary run(Report report) {
        OrderBook orders = openApi != null ? openApi.orders() : new OrderBook(clock, false);
        CheckRun run = new CheckRun(settings, orders, clock);
        for (Case c : cases()) {
            report.record(c.name(), play(c, run));
        }
        if (settings.protocol() == Protocol.V1) {
            V1Cases.releaseLeftovers(run);
        } else {
            V2Cases.releaseLeftovers(run);
        }
        return report.finish();
    }

    /** One case's outcome; a failure or skip thrown from inside it ends it. */
    static Outcome play(Case c, CheckRun run) {
        try {
            return c.body().run(run);
        } catch (CaseFailure failure) {
            return new Outcome.Failed(failure.getMessage());
        } catch (CaseSkipped skipped) {
            return Outcome.skip(skipped.getMessage());
        } catch (RuntimeException unexpected) {
            return new Outcome.Failed("the checker could not judge the answer: " + unexpected);
        }
    }
}
