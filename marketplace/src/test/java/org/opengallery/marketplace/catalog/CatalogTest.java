package org.opengallery.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.delivery.SellerEndpoint;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.http.HttpMethod;

class CatalogTest extends DomainTest {

    private Product draft(long seller, InterfaceVersion version, String url) {
        return catalog.createProduct(new NewProduct(seller, "Product", "desc", AccessType.SAAS, false, url, version,
                EncryptType.AES_128));
    }

    @Test
    void aTrialIsAllowedOnlyOnPeriodSkus() {
        Product p = draft(seller(), InterfaceVersion.V2, PRODUCTION_URL);
        assertThatThrownBy(() -> catalog.addSku(p.id(), new NewSku(unique("s"), "once", ChargingMode.Known.ONE_TIME,
                List.of(new Price(null, null, new BigDecimal("99"))), 7, null, null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("only on PERIOD");
    }

    @Test
    void trialDaysAreBetween3And180() {
        Product p = draft(seller(), InterfaceVersion.V2, PRODUCTION_URL);
        assertThatThrownBy(() -> catalog.addSku(p.id(), periodSkuWithTrial(2))).hasMessageContaining("between 3 and 180, got 2");
        assertThatThrownBy(() -> catalog.addSku(p.id(), periodSkuWithTrial(181))).hasMessageContaining("got 181");
        assertThat(catalog.addSku(p.id(), periodSkuWithTrial(180)).trialDays()).isEqualTo(180);
    }

    private static NewSku periodSkuWithTrial(int days) {
        return NewSku.period(unique("t"), "trial spec", List.of(new Price(null, PeriodType.MONTH, BigDecimal.TEN)), days);
    }

    @Test
    void eachPeriodTypeOfASkuHasItsOwnProductId() {
        Product p = draft(seller(), InterfaceVersion.V2, PRODUCTION_URL);
        Sku sku = catalog.addSku(p.id(), periodSku(unique("s"), "10", "100"));
        String month = sku.price(PeriodType.MONTH).orElseThrow().productId();
        String year = sku.price(PeriodType.YEAR).orElseThrow().productId();
        assertThat(month).matches("OFFI\\d{18}").isNotEqualTo(year);
        assertThatThrownBy(() -> catalog.addSku(p.id(), NewSku.period(unique("s"), "x", List.of(
                new Price(null, PeriodType.MONTH, BigDecimal.ONE), new Price(null, PeriodType.MONTH, BigDecimal.TEN)), null)))
                .hasMessageContaining("two month prices");
    }

    @Test
    void pricesAreMoneyWithAtMostTwoDecimals() {
        Product p = draft(seller(), InterfaceVersion.V2, PRODUCTION_URL);
        assertThatThrownBy(() -> catalog.addSku(p.id(), NewSku.period(unique("s"), "x",
                List.of(new Price(null, PeriodType.MONTH, new BigDecimal("9.999"))), null)))
                .hasMessageContaining("at most 2 decimals");
    }

    @Test
    void onDemandSkusArePricedPerUsageUnit() {
        Product p = draft(seller(), InterfaceVersion.V2, PRODUCTION_URL);
        assertThatThrownBy(() -> catalog.addSku(p.id(), new NewSku(unique("od"), "x", ChargingMode.Known.ON_DEMAND,
                List.of(), null, new BigDecimal("0.25"), null))).hasMessageContaining("usage unit");
        Sku sku = catalog.addSku(p.id(), new NewSku(unique("od"), "per call", ChargingMode.Known.ON_DEMAND, List.of(),
                null, new BigDecimal("0.25"), "call"));
        assertThat(sku.unitPrice()).isEqualByComparingTo("0.25");
        assertThat(sku.usageUnit()).isEqualTo("call");
        assertThat(sku.prices()).singleElement().satisfies(price -> assertThat(price.productId()).startsWith("OFFI"));
    }

    @Test
    void theEndpointSignsWithTheBasicKeyBoundToTheProductsAddress() {
        long seller = seller();
        String otherUrl = "https://other.isv.example.com/produce";
        var otherKey = sellers.createAccessKey(seller, InterfaceType.BASIC, otherUrl);
        sellers.createAccessKey(seller, InterfaceType.SYNC, otherUrl);
        Product p = draft(seller, InterfaceVersion.V2, otherUrl);
        SellerEndpoint endpoint = catalog.endpointFor(p.id());
        assertThat(endpoint.key()).isEqualTo(otherKey.key());
        assertThat(endpoint.url()).isEqualTo(otherUrl);
        assertThat(endpoint.version()).isEqualTo(InterfaceVersion.V2);
        assertThat(endpoint.encryptType()).isEqualTo(EncryptType.AES_128);
        assertThat(endpoint.customerServiceEmail()).isEqualTo("service@isv.example.com");
    }

    @Test
    void aV1ProductSignsWithTheV1Key() {
        long seller = seller();
        String v1 = sellers.issueV1Key(seller);
        Product p = draft(seller, InterfaceVersion.V1, "https://v1.isv.example.com/produce");
        assertThat(catalog.endpointFor(p.id()).key()).isEqualTo(v1);
    }

    @Test
    void aProductIsListedOnlyWithASkuAndAKeyForItsAddress() {
        long seller = seller();
        Product p = draft(seller, InterfaceVersion.V2, "https://unbound.isv.example.com/produce");
        assertThatThrownBy(() -> catalog.list(p.id())).hasMessageContaining("no SKU");
        catalog.addSku(p.id(), periodSku(unique("s"), "10", "100"));
        assertThatThrownBy(() -> catalog.list(p.id())).hasMessageContaining("no BASIC access key bound to");
        sellers.createAccessKey(seller, InterfaceType.BASIC, "https://unbound.isv.example.com/produce");
        catalog.list(p.id());
        assertThat(catalog.product(p.id()).orElseThrow().listed()).isTrue();
    }

    @Test
    void listedProductsAppearInTheStorefrontAndDelistedOnesDoNot() {
        String code = unique("s");
        Product p = product(seller(), periodSku(code, "10", "100"));
        JsonNode listing = http(HttpMethod.GET, "/api/v1/products", null, null).getBody();
        JsonNode mine = null;
        for (JsonNode node : listing) {
            if (node.get("id").asLong() == p.id()) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        JsonNode sku = mine.get("skus").get(0);
        assertThat(sku.get("skuCode").asText()).isEqualTo(code);
        assertThat(sku.get("chargingMode").asText()).isEqualTo("PERIOD");
        assertThat(sku.get("trialDays").asInt()).isEqualTo(7);
        assertThat(sku.get("prices").size()).isEqualTo(2);
        catalog.delist(p.id());
        assertThat(http(HttpMethod.GET, "/api/v1/products", null, null).getBody().findValues("id"))
                .noneMatch(id -> id.asLong() == p.id());
    }

    @Test
    void aProductMovedToAnotherAddressIsDeliveredThereWithThatAddressesKey() {
        long seller = seller();
        Product p = product(seller, periodSku(unique("mv"), "1.00", "10.00"));
        String moved = "https://new.isv.example.com/saasproduce";
        assertThatThrownBy(() -> catalog.moveProductionAddress(p.id(), moved, InterfaceVersion.V2, null))
                .isInstanceOf(ApiException.class);
        assertThat(catalog.product(p.id()).orElseThrow().productionUrl()).isEqualTo(PRODUCTION_URL);

        String key = sellers.createAccessKey(seller, InterfaceType.BASIC, moved).key();
        catalog.moveProductionAddress(p.id(), moved, InterfaceVersion.V2, EncryptType.AES_128);

        SellerEndpoint endpoint = catalog.endpointFor(p.id());
        assertThat(endpoint.url()).isEqualTo(moved);
        assertThat(endpoint.key()).isEqualTo(key);
        assertThat(endpoint.encryptType()).isEqualTo(EncryptType.AES_128);
    }

    @Test
    void aFrozenProductLeavesTheStorefrontAndCannotBeListedUntilUnfrozen() {
        String code = unique("s");
        Product p = product(seller(), periodSku(code, "10", "100"));
        assertThat(catalog.search(null)).extracting(l -> l.product().id()).contains(p.id());

        catalog.freeze(p.id(), "5 days of failing dial tests");
        assertThat(catalog.search(null)).extracting(l -> l.product().id()).doesNotContain(p.id());
        assertThat(catalog.frozenReason(p.id())).hasValue("5 days of failing dial tests");
        assertThatThrownBy(() -> catalog.list(p.id())).hasMessageContaining("is frozen");

        catalog.unfreeze(p.id());
        assertThat(catalog.frozenReason(p.id())).isEmpty();
        catalog.list(p.id());
        assertThat(catalog.search(null)).extracting(l -> l.product().id()).contains(p.id());
    }
}
