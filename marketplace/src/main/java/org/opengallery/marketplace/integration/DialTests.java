package org.opengallery.marketplace.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.seller.Sellers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dial tests (拨测): every saved case of every address re-run, twice a day ({@link DialTestSchedule}). Cases run in
 * scenario order on one fresh test instance (the run's own newInstance when that case is saved, else the address's
 * debug instance). An address fails a run when any case fails: the seller hears of it once per address per run. An
 * address that has failed every run for {@code opengallery.integration.dial-freeze-after} (5 days) has its listed
 * products frozen once and the operators told; one passing run ends the streak.
 */
@Service
public class DialTests {

    private static final Logger LOG = LoggerFactory.getLogger(DialTests.class);
    /** Notices are written in the platform's language (zh-CN). */
    private static final Locale PLATFORM = Locale.SIMPLIFIED_CHINESE;
    private static final Duration SLACK = Duration.ofMinutes(1);

    private final ProductionAddresses addresses;
    private final Catalog catalog;
    private final Sellers sellers;
    private final Notices notices;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration freezeAfter;

    DialTests(ProductionAddresses addresses, Catalog catalog, Sellers sellers, Notices notices, MessageSource messages,
              JdbcClient jdbc, TransactionTemplate tx, Clock clock,
              @Value("${opengallery.integration.dial-freeze-after:5d}") Duration freezeAfter) {
        this.addresses = addresses;
        this.catalog = catalog;
        this.sellers = sellers;
        this.notices = notices;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.freezeAfter = freezeAfter;
    }

    /** One address's run: whether it passed, and the failed cases' verdicts. */
    public record AddressRun(long addressId, boolean passed, List<String> failures, boolean froze) {}

    /** Runs every saved case of every address once (the recurring task's body). */
    public List<AddressRun> runAll() {
        List<AddressRun> runs = new ArrayList<>();
        for (ProductionAddress address : addresses.addressesWithCases()) {
            try {
                runs.add(run(address));
            } catch (RuntimeException e) {
                // One broken address must not stop the others; logged without data (messages may quote it).
                LOG.warn("dial test of address {} could not run: {}", address.id(), e.getClass().getName());
            }
        }
        return runs;
    }

    AddressRun run(ProductionAddress address) {
        List<DebugCase> cases = addresses.casesOf(address.id());
        List<String> failures = new ArrayList<>();
        List<Runnable> records = new ArrayList<>();
        Optional<String> key = addresses.key(address);
        String instance = address.debugInstanceId();
        for (DebugCase c : cases) {
            Verdicts.Judgement judgement;
            if (key.isEmpty()) {
                judgement = Verdicts.Judgement.fail("no key is bound to the address any more");
            } else if (c.scenario().needsInstance() && instance == null) {
                judgement = Verdicts.Judgement.fail("no instance to work on: the newInstance case failed");
            } else {
                Map<String, String> parameters = c.scenario().parameters(address.version(), instance, clock.instant());
                ProductionAddresses.Outcome outcome = addresses.run(address, key.get(), c.scenario(), parameters);
                judgement = outcome.judgement();
                if (c.scenario() == Scenario.NEW_INSTANCE) {
                    instance = judgement.passed() ? outcome.instanceId() : null;
                }
            }
            if (!judgement.passed()) {
                failures.add(c.scenario().activity(address.version()) + ": " + judgement.verdict());
            }
            Verdicts.Judgement outcome = judgement;
            records.add(() -> jdbc.sql("""
                    UPDATE debug_case SET last_run_at = :now, last_passed = :passed, last_verdict = :verdict WHERE id = :id""")
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("passed", outcome.passed())
                    .param("verdict", ProductionAddresses.truncate(outcome.verdict(), 1000)).param("id", c.id()).update());
        }
        boolean passed = failures.isEmpty();
        Boolean froze = tx.execute(status -> {
            records.forEach(Runnable::run);
            return passed ? recordPass(address) : recordFailure(address, failures);
        });
        return new AddressRun(address.id(), passed, List.copyOf(failures), Boolean.TRUE.equals(froze));
    }

    private boolean recordPass(ProductionAddress address) {
        jdbc.sql("""
                UPDATE production_address SET dial_last_run_at = :now, dial_last_passed = TRUE, dial_failing_since = NULL,
                       dial_frozen_at = NULL WHERE id = :id""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", address.id()).update();
        return false;
    }

    /** Records a failed run, tells the seller, and freezes once the streak reaches the limit. */
    private boolean recordFailure(ProductionAddress address, List<String> failures) {
        Instant now = clock.instant();
        Instant since = address.dialFailingSince() == null ? now : address.dialFailingSince();
        // A minute's slack: runs come every 12 h, and the streak's start went through the database (microseconds).
        boolean freeze = address.dialFrozenAt() == null && !now.plus(SLACK).isBefore(since.plus(freezeAfter));
        jdbc.sql("""
                UPDATE production_address SET dial_last_run_at = :now, dial_last_passed = FALSE, dial_failing_since = :since,
                       dial_frozen_at = :frozen WHERE id = :id""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("since", since.atOffset(ZoneOffset.UTC))
                .param("frozen", freeze ? now.atOffset(ZoneOffset.UTC)
                        : address.dialFrozenAt() == null ? null : address.dialFrozenAt().atOffset(ZoneOffset.UTC))
                .param("id", address.id()).update();
        String link = "/seller/addresses/" + address.id() + "/debug";
        notices.post(Recipient.seller(address.sellerId()), sellers.customerServiceEmail(address.sellerId()),
                "DIAL_TEST_FAILED", text("integration.notice.dialFailed.title", address.url()),
                text("integration.notice.dialFailed.body", address.url(), String.join("\n", failures)), link);
        if (!freeze) {
            return false;
        }
        long days = freezeAfter.toDays();
        String reason = text("integration.freeze.reason", days, address.url());
        List<Product> frozen = catalog.listedProductsOf(address.sellerId()).stream()
                .filter(p -> p.productionUrl().equals(address.url()) && p.version() == address.version())
                .toList();
        frozen.forEach(p -> catalog.freeze(p.id(), reason));
        String names = frozen.isEmpty() ? "-" : String.join("\n", frozen.stream()
                .map(p -> p.name() + " (" + p.id() + ")").toList());
        notices.post(Recipient.seller(address.sellerId()), sellers.customerServiceEmail(address.sellerId()),
                "DIAL_TEST_FROZEN", text("integration.notice.frozen.title", address.url()),
                text("integration.notice.frozen.body", days, address.url(), names), link);
        notices.post(Recipient.operators(), null, "DIAL_TEST_FROZEN",
                text("integration.notice.operatorFrozen.title", address.sellerId(), address.url()),
                text("integration.notice.frozen.body", days, address.url(), names), null);
        LOG.info("dial tests of address {} failed for {} days: {} listed products frozen", address.id(), days,
                frozen.size());
        return true;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, PLATFORM);
    }
}
