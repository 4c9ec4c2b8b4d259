package org.opengallery.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.protocol.message.order.ChargingMode;

/** platform.md §2.5: which saved debug cases a product's address needs, by the charging modes of its specs. */
class RequiredDebugCasesTest {

    static DraftSku spec(ChargingMode.Known mode) {
        return new DraftSku("SKU000000000001", "spec", mode, null, null, null, null, null, null);
    }

    @Test
    void periodicSpecsNeedNewPurchaseRenewalExpiryAndRelease() {
        assertThat(RequiredDebugCases.missing(List.of(spec(ChargingMode.Known.PERIOD)), Set.of()))
                .containsExactly("新购 new purchase", "续费 renewal", "过期 expiry", "释放 release");
    }

    @Test
    void otherSpecsNeedNewPurchaseAndRelease() {
        for (ChargingMode.Known mode : List.of(ChargingMode.Known.ONE_TIME, ChargingMode.Known.ON_DEMAND,
                ChargingMode.Known.ON_DEMAND_PKG)) {
            assertThat(RequiredDebugCases.missing(List.of(spec(mode)), Set.of()))
                    .as(mode.name()).containsExactly("新购 new purchase", "释放 release");
        }
    }

    @Test
    void aProductWithBothKindsOfSpecsNeedsThePeriodicCases() {
        assertThat(RequiredDebugCases.missing(List.of(spec(ChargingMode.Known.ONE_TIME), spec(ChargingMode.Known.PERIOD)),
                Set.of("NEW_INSTANCE", "RELEASE"))).containsExactly("续费 renewal", "过期 expiry");
    }

    @Test
    void passingCasesAreNotAskedForAgain() {
        assertThat(RequiredDebugCases.missing(List.of(spec(ChargingMode.Known.PERIOD)),
                Set.of("NEW_INSTANCE", "RENEWAL", "EXPIRY", "RELEASE", "UPGRADE"))).isEmpty();
        assertThat(RequiredDebugCases.missing(List.of(spec(ChargingMode.Known.PERIOD)), Set.of("QUERY_INSTANCE")))
                .hasSize(4);
    }
}
