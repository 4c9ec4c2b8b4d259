package org.opengallery.marketplace.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.springframework.beans.factory.annotation.Autowired;

class DialTestsTest extends IntegrationTestBase {

    @Autowired Notices notices;

    /** A verified address with its new purchase, renewal and release cases saved. */
    private Verified withSavedCases() {
        Verified v = verifiedV2Address();
        for (Scenario s : new Scenario[] {Scenario.NEW_INSTANCE, Scenario.RENEWAL, Scenario.RELEASE}) {
            DebugRun run = addresses.debug(v.sellerId(), v.address().id(), s, null);
            assertThat(run.passed()).as(run.verdict()).isTrue();
            addresses.save(v.sellerId(), v.address().id(), run.id());
        }
        return v;
    }

    private DialTests.AddressRun dial(Verified v) {
        return dialTests.run(addresses.address(v.sellerId(), v.address().id()));
    }

    private List<Notice> noticesOf(long sellerId, String kind) {
        return notices.of(Recipient.seller(sellerId), 50).stream().filter(n -> n.kind().equals(kind)).toList();
    }

    @Test
    void savedCasesAreReRunOnAFreshTestInstance() {
        Verified v = withSavedCases();
        v.seller().calls.clear();

        DialTests.AddressRun run = dial(v);

        assertThat(run.passed()).as(run.failures().toString()).isTrue();
        assertThat(v.seller().calls).containsExactly("newInstance", "refreshInstance", "releaseInstance");
        assertThat(addresses.cases(v.sellerId(), v.address().id())).allSatisfy(c -> assertThat(c.lastPassed()).isTrue());
        assertThat(addresses.address(v.sellerId(), v.address().id()).dialLastPassed()).isTrue();
    }

    @Test
    void theRecurringRunCoversEveryAddressWithSavedCases() {
        Verified v = withSavedCases();
        v.seller().calls.clear();

        List<DialTests.AddressRun> runs = dialTests.runAll();

        assertThat(runs).anySatisfy(r -> assertThat(r.addressId()).isEqualTo(v.address().id()));
        assertThat(v.seller().calls).contains("newInstance");
    }

    @Test
    void aFailingRunNotifiesTheSellerOncePerAddress() {
        Verified v = withSavedCases();
        v.stub().respondWith(r -> SellerStub.unsigned("{\"resultCode\":\"000005\",\"resultMsg\":\"down\"}"));

        DialTests.AddressRun run = dial(v);

        assertThat(run.passed()).isFalse();
        assertThat(run.failures()).hasSize(3);
        List<Notice> failed = noticesOf(v.sellerId(), "DIAL_TEST_FAILED");
        assertThat(failed).singleElement().satisfies(n -> {
            assertThat(n.title()).contains(v.address().url());
            assertThat(n.body()).contains("newInstance").contains("000005");
        });
        assertThat(addresses.cases(v.sellerId(), v.address().id())).allSatisfy(c -> assertThat(c.lastPassed()).isFalse());
    }

    @Test
    void fiveDaysOfFailedRunsFreezeTheListedProductsAtTheAddress() {
        Verified v = withSavedCases();
        Product product = listedProductAt(v.sellerId(), v.address().url());
        sellers.createAccessKey(v.sellerId(), org.opengallery.marketplace.seller.InterfaceType.BASIC,
                "https://other.isv.example.com/produce");
        Product elsewhere = listedProductAt(v.sellerId(), "https://other.isv.example.com/produce");
        v.stub().respondWith(r -> SellerStub.unsigned("{\"resultCode\":\"000005\"}"));

        dial(v);
        clock.advance(Duration.ofDays(4).plusHours(12));
        assertThat(dial(v).froze()).isFalse();
        assertThat(catalog.frozenReason(product.id())).isEmpty();
        clock.advance(Duration.ofHours(12));
        assertThat(dial(v).froze()).isTrue();

        assertThat(catalog.frozenReason(product.id())).hasValueSatisfying(reason -> assertThat(reason).contains("5"));
        assertThat(catalog.product(product.id()).orElseThrow().listed()).isFalse();
        assertThat(catalog.frozenReason(elsewhere.id())).isEmpty();
        assertThat(notices.of(Recipient.operators(), 50)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("DIAL_TEST_FROZEN");
            assertThat(n.body()).contains(product.name());
        });
        clock.advance(Duration.ofHours(12));
        assertThat(dial(v).froze()).as("frozen once per failing streak").isFalse();
    }

    @Test
    void aPassingRunResetsTheStreak() {
        Verified v = withSavedCases();
        Product product = listedProductAt(v.sellerId(), v.address().url());
        var healthy = v.stub().current();
        v.stub().respondWith(r -> SellerStub.unsigned("{\"resultCode\":\"000005\"}"));
        dial(v);
        clock.advance(Duration.ofDays(3));
        v.stub().respondWith(healthy);
        assertThat(dial(v).passed()).isTrue();
        assertThat(addresses.address(v.sellerId(), v.address().id()).dialFailingSince()).isNull();

        v.stub().respondWith(r -> SellerStub.unsigned("{\"resultCode\":\"000005\"}"));
        dial(v);
        clock.advance(Duration.ofDays(3));
        assertThat(dial(v).froze()).isFalse();
        assertThat(catalog.frozenReason(product.id())).isEmpty();
    }
}
