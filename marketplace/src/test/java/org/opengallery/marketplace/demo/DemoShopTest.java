package org.opengallery.marketplace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opengallery.marketplace.demo.DemoShop.DemoData;
import org.opengallery.marketplace.demo.DemoShop.DemoProduct;
import org.opengallery.marketplace.demo.DemoShop.SellerSetup;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.seller.InterfaceType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoShopTest extends DomainTest {

    static final String URL = "http://127.0.0.1:18081/saasproduce";
    @Autowired DemoShop shop;

    @Test
    @Order(1) // before any other test of the shared context creates the demo buyer
    void theBuyersBalanceIsTheGivenOneWhenTheBuyerIsCreatedAndSeedingAgainKeepsIt() {
        assertThat(buyers.buyerByLogin(DemoShop.BUYER_LOGIN)).as("no demo buyer yet").isEmpty();

        shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null), new BigDecimal("5000.00"));
        long buyer = buyers.buyerByLogin(DemoShop.BUYER_LOGIN).orElseThrow().id();
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("5000.00");

        shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null), new BigDecimal("7.00"));
        shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null));
        assertThat(buyers.balance(buyer)).isEqualByComparingTo("5000.00");
        assertThatThrownBy(() -> shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null), new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoShopSellsPeriodicAndPayPerUseProductsToABuyerWhoCanSignIn() {
        DemoData data = shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null));

        assertThat(data.products()).extracting(DemoProduct::skuCode, DemoProduct::chargingMode, DemoProduct::periodType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DemoShop.BASIC_SKU, "PERIOD", "month"),
                        org.assertj.core.groups.Tuple.tuple(DemoShop.BASIC_SKU, "PERIOD", "year"),
                        org.assertj.core.groups.Tuple.tuple(DemoShop.PRO_SKU, "PERIOD", "month"),
                        org.assertj.core.groups.Tuple.tuple(DemoShop.PRO_SKU, "PERIOD", "year"),
                        org.assertj.core.groups.Tuple.tuple(DemoShop.METERED_SKU, "ON_DEMAND", null));
        assertThat(data.products()).allSatisfy(p -> assertThat(p.productId()).isNotBlank());
        var signIn = http(HttpMethod.POST, "/api/v1/tokens", null,
                Map.of("login", data.buyer().login(), "password", data.buyer().password()));
        assertThat(signIn.getStatusCode().value()).isEqualTo(201);
        assertThat(http(HttpMethod.GET, "/api/v1/orders", data.buyerApiToken(), null).getStatusCode().value()).isEqualTo(200);
        assertThat(sellers.openApiSecret(data.openApi().accessKey())).isPresent();
        assertThat(catalog.endpointFor(catalog.sku(DemoShop.BASIC_SKU).orElseThrow().productId()).key())
                .isEqualTo(data.sellerKey());
    }

    @Test
    void seedingAgainKeepsTheShopAndIssuesFreshPasswords() {
        DemoData first = shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null));
        DemoData second = shop.seed(new SellerSetup(URL, InterfaceVersion.V2, null, null));

        assertThat(second.products()).isEqualTo(first.products());
        assertThat(second.sellerKey()).isEqualTo(first.sellerKey());
        assertThat(http(HttpMethod.POST, "/api/v1/tokens", null,
                Map.of("login", first.buyer().login(), "password", first.buyer().password())).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http(HttpMethod.POST, "/api/v1/tokens", null,
                Map.of("login", second.buyer().login(), "password", second.buyer().password())).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void anOutsideSellerKeepsTheKeyItIsConfiguredWith() {
        String outside = "https://isv.example.org/produce";
        DemoData data = shop.seed(new SellerSetup(outside, InterfaceVersion.V2, "the-sellers-own-key-0123", null));

        assertThat(data.sellerKey()).isEqualTo("the-sellers-own-key-0123");
        long seller = sellers.sellerByLogin(DemoShop.SELLER_LOGIN).orElseThrow().id();
        assertThat(sellers.accessKey(seller, InterfaceType.BASIC, outside).orElseThrow().key())
                .isEqualTo("the-sellers-own-key-0123");
    }
}
