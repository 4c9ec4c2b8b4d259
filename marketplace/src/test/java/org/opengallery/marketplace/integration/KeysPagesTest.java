package org.opengallery.marketplace.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.seller.AccessKeySummary;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class KeysPagesTest extends IntegrationTestBase {

    @org.springframework.beans.factory.annotation.Autowired KeyRotations rotations;

    private String page(long seller, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long keyId(long seller, InterfaceType type) {
        return sellers.accessKeys(seller).stream().filter(k -> k.type() == type).map(AccessKeySummary::id)
                .findFirst().orElseThrow();
    }

    @Test
    void theV1KeyStaysMaskedUntilTheSellerAsksToSeeIt() throws Exception {
        long seller = newSeller();
        mvc.perform(post("/seller/keys/v1").with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String key = sellers.v1Key(seller).orElseThrow();

        assertThat(page(seller, get("/seller/keys"))).doesNotContain(key).contains("id=\"reveal-v1\"");
        assertThat(page(seller, post("/seller/keys/v1/reveal"))).contains(key);
    }

    @Test
    void theSecretKeyIsShownOnceRightAfterCreation() throws Exception {
        long seller = newSeller();
        String created = page(seller, post("/seller/keys/openapi"));
        var pair = sellers.openApiKeys(seller);
        assertThat(pair).hasSize(1);
        String sk = sellers.openApiSecret(pair.get(0).accessKey()).orElseThrow().secretKey();

        assertThat(created).contains(sk).contains(pair.get(0).accessKey());
        assertThat(page(seller, get("/seller/keys"))).doesNotContain(sk).contains(pair.get(0).accessKey());
    }

    @Test
    void aDeletedAkSkNoLongerVerifies() throws Exception {
        long seller = newSeller();
        String ak = sellers.createOpenApiKey(seller).accessKey();
        mvc.perform(post("/seller/keys/openapi/{ak}/delete", ak).with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(sellers.openApiSecret(ak)).isEmpty();
    }

    @Test
    void accessKeysAreCreatedPerInterfaceTypeAndAddressOnlyOnce() throws Exception {
        long seller = newSeller();
        ProductionAddress address = addresses.add(seller, "https://keys.isv.example.com/produce", InterfaceVersion.V2, null).address();
        mvc.perform(post("/seller/keys/access").param("type", "SYNC").param("addressId", Long.toString(address.id()))
                .with(user(as(Role.SELLER, seller))).with(csrf())).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/seller/keys/access").param("type", "SYNC").param("addressId", Long.toString(address.id()))
                .with(user(as(Role.SELLER, seller))).with(csrf())).andExpect(flash().attributeExists("error"));

        assertThat(sellers.accessKeys(seller)).extracting(AccessKeySummary::type)
                .containsExactlyInAnyOrder(InterfaceType.BASIC, InterfaceType.SYNC);
        String basic = sellers.accessKey(seller, InterfaceType.BASIC, address.url()).orElseThrow().key();
        assertThat(sellers.accessKey(seller, InterfaceType.SYNC, address.url()).orElseThrow().key()).isNotEqualTo(basic);
    }

    @Test
    void twoInterfaceTypesNeverShareABoundKey() {
        long seller = newSeller();
        String url = "https://shared.isv.example.com/produce";
        String basic = addresses.add(seller, url, InterfaceVersion.V2, "the-same-key-0123456789").address().url();
        assertThatThrownBy(() -> sellers.bindAccessKey(seller, InterfaceType.SYNC, basic, "the-same-key-0123456789"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("access_key_shared"));
    }

    @Test
    void rotationNamesTheListedProductsSignedWithTheKeyThenReplacesIt() throws Exception {
        long seller = newSeller();
        String url = "https://rotate.isv.example.com/produce";
        addresses.add(seller, url, InterfaceVersion.V2, null);
        Product listed = listedProductAt(seller, url);
        String before = sellers.accessKey(seller, InterfaceType.BASIC, url).orElseThrow().key();
        long id = keyId(seller, InterfaceType.BASIC);

        assertThat(page(seller, get("/seller/keys/access/{id}/rotate", id))).contains(listed.name());
        mvc.perform(post("/seller/keys/access/{id}/rotate", id).with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String after = sellers.accessKey(seller, InterfaceType.BASIC, url).orElseThrow().key();
        assertThat(after).isNotEqualTo(before);
        assertThat(catalog.endpointFor(listed.id()).key()).isEqualTo(after);
    }

    @Test
    void rotatingTheBasicKeyOfAnAddressAsksToVerifyItAgain() {
        Verified v = verifiedV2Address();
        long id = keyId(v.sellerId(), InterfaceType.BASIC);

        rotations.rotateAccessKey(v.sellerId(), id);

        ProductionAddress after = addresses.address(v.sellerId(), v.address().id());
        assertThat(after.status()).isEqualTo(AddressStatus.UNVERIFIED);
        assertThat(after.statusReason()).contains("rotated");
        assertThatThrownBy(() -> addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("address_not_verified"));
    }

    @Test
    void v1RotationNamesTheListedV1Products() throws Exception {
        long seller = newSeller();
        String before = sellers.issueV1Key(seller);
        String url = "https://v1.isv.example.com/produce";
        var p = catalog.createProduct(new org.opengallery.marketplace.catalog.NewProduct(seller, "V1 CRM " + unique(""),
                "a CRM", org.opengallery.marketplace.catalog.AccessType.SAAS, false, url, InterfaceVersion.V1, null));
        catalog.addSku(p.id(), periodSku(unique("sku"), "10.00", "100.00"));
        catalog.list(p.id());

        assertThat(page(seller, get("/seller/keys/v1/rotate"))).contains(p.name());
        mvc.perform(post("/seller/keys/v1/rotate").with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(sellers.v1Key(seller)).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void aSellerNeverSeesOrRotatesAnotherSellersKeys() throws Exception {
        long owner = newSeller();
        addresses.add(owner, "https://owner.isv.example.com/produce", InterfaceVersion.V2, null);
        long id = keyId(owner, InterfaceType.BASIC);
        String ak = sellers.createOpenApiKey(owner).accessKey();
        String before = sellers.accessKey(owner, id).orElseThrow().key();
        long intruder = newSeller();
        var as = user(as(Role.SELLER, intruder));

        mvc.perform(post("/seller/keys/access/{id}/reveal", id).with(as).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/seller/keys/access/{id}/rotate", id).with(as)).andExpect(status().isNotFound());
        mvc.perform(post("/seller/keys/access/{id}/rotate", id).with(as).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/seller/keys/openapi/{ak}/delete", ak).with(as).with(csrf())).andExpect(status().isNotFound());
        assertThat(page(intruder, get("/seller/keys"))).doesNotContain("owner.isv.example.com").doesNotContain(ak);

        assertThat(sellers.accessKey(owner, id).orElseThrow().key()).isEqualTo(before);
        assertThat(sellers.openApiSecret(ak)).isPresent();
    }

    @Test
    void aSellerNeverSeesOrUsesAnotherSellersAddresses() throws Exception {
        Verified v = verifiedV2Address();
        DebugRun run = addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null);
        long intruder = newSeller();
        var as = user(as(Role.SELLER, intruder));
        long id = v.address().id();

        mvc.perform(get("/seller/addresses/{id}/debug", id).with(as)).andExpect(status().isNotFound());
        mvc.perform(get("/seller/addresses/{id}/debug", id).param("run", Long.toString(run.id())).with(as))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/addresses/{id}/verify", id).with(as).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/seller/addresses/{id}/debug", id).param("scenario", "NEW_INSTANCE").with(as).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/addresses/{id}/debug/runs/{run}/save", id, run.id()).with(as).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/seller/keys/access").param("type", "SYNC").param("addressId", Long.toString(id))
                .with(as).with(csrf())).andExpect(status().isNotFound());
        assertThat(page(intruder, get("/seller/addresses"))).doesNotContain(v.address().url());
        assertThat(addresses.cases(v.sellerId(), id)).isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() throws Exception {
        long seller = newSeller();
        var as = user(as(Role.SELLER, seller));
        mvc.perform(post("/seller/keys/openapi").with(as)).andExpect(status().isForbidden());
        mvc.perform(post("/seller/keys/v1").with(as)).andExpect(status().isForbidden());
        mvc.perform(post("/seller/addresses").param("url", "https://csrf.isv.example.com/produce").param("version", "V2")
                .with(as)).andExpect(status().isForbidden());
        assertThat(sellers.openApiKeys(seller)).isEmpty();
        assertThat(sellers.v1Key(seller)).isEmpty();
        assertThat(addresses.addresses(seller)).isEmpty();
    }

    @Test
    void theAddressesPageAddsAndVerifiesAnAddress() throws Exception {
        long seller = newSeller();
        SellerStub stub = serve(r -> SellerStub.unsigned("{}"));
        mvc.perform(post("/seller/addresses").param("url", stub.url()).param("version", "V2")
                .with(user(as(Role.SELLER, seller))).with(csrf())).andExpect(flash().attributeExists("notice"));
        ProductionAddress address = addresses.addresses(seller).get(0);
        String key = sellers.accessKey(seller, InterfaceType.BASIC, stub.url()).orElseThrow().key();
        stub.respondWith(v2Kit(key, new RecordingSeller()).current());

        mvc.perform(post("/seller/addresses/{id}/verify", address.id()).with(user(as(Role.SELLER, seller))).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(page(seller, get("/seller/addresses"))).contains(stub.url()).contains("status-VERIFIED");
    }

    @Test
    void anotherRoleCannotOpenTheKeysPage() throws Exception {
        mvc.perform(get("/seller/keys").with(user(as(Role.BUYER, 1)))).andExpect(status().isForbidden());
    }
}
