package org.opengallery.marketplace.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.sellerkit.OrderQueryException;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.springframework.boot.test.web.server.LocalServerPort;

class InterfaceDebuggingTest extends IntegrationTestBase {

    @LocalServerPort int port;

    @Test
    void everyScenarioRunsWithTestFlagOnTheInstanceTheNewPurchaseCreated() {
        Verified v = verifiedV2Address();
        long seller = v.sellerId();
        long id = v.address().id();

        DebugRun created = addresses.debug(seller, id, Scenario.NEW_INSTANCE, null);
        assertThat(created.passed()).as(created.verdict()).isTrue();
        assertThat(created.instanceId()).isNotBlank();
        assertThat(addresses.address(seller, id).debugInstanceId()).isEqualTo(created.instanceId());

        for (Scenario s : new Scenario[] {Scenario.QUERY_INSTANCE, Scenario.RENEWAL, Scenario.UPGRADE, Scenario.EXPIRY,
                Scenario.UNFREEZE, Scenario.RELEASE}) {
            DebugRun run = addresses.debug(seller, id, s, null);
            assertThat(run.passed()).as(s + ": " + run.verdict()).isTrue();
            assertThat(run.instanceId()).isEqualTo(created.instanceId());
            assertThat(run.requestText()).contains("\"testFlag\":\"1\"").contains("\"instanceId\":\"" + created.instanceId() + "\"");
        }
        assertThat(v.seller().calls).containsExactly("newInstance", "refreshInstance", "upgradeInstance",
                "updateInstanceStatus", "updateInstanceStatus", "releaseInstance");
        assertThat(v.seller().debugFlags).containsOnly(true);
    }

    @Test
    void aSellerKitReadsTheTestOrderOfEachDebugRunThroughQueryOrder() {
        Verified v = verifiedV2AddressReadingOrders(port);
        long id = v.address().id();

        DebugRun created = addresses.debug(v.sellerId(), id, Scenario.NEW_INSTANCE, null);
        assertThat(created.passed()).as(created.verdict() + "\n" + created.responseText()).isTrue();
        DebugRun upgraded = addresses.debug(v.sellerId(), id, Scenario.UPGRADE, null);
        assertThat(upgraded.passed()).as(upgraded.verdict()).isTrue();
        assertThat(v.seller().orders).extracting(o -> o.orderType().code()).containsExactly("NEW", "CHANGE");
        assertThat(created.requestText()).contains("\"orderId\":\"" + v.seller().orders.get(0).orderId() + "\"");
        assertThat(v.seller().orders.get(0).orderLine()).singleElement()
                .satisfies(line -> assertThat(line.orderLineId()).isEqualTo(v.seller().orders.get(0).orderId() + "-000001"));
    }

    @Test
    void aDebugTestOrderIsNotReadableByAnotherSeller() {
        Verified v = verifiedV2AddressReadingOrders(port);
        assertThat(addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null).passed()).isTrue();
        String testOrder = v.seller().orders.get(0).orderId();
        var other = sellers.createOpenApiKey(newSeller());
        var client = QueryOrderClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + port))
                .credentials(other.accessKey(), other.secretKey()).clock(clock).build();

        assertThatThrownBy(() -> client.order(testOrder, null)).isInstanceOf(OrderQueryException.class)
                .hasMessageContaining("MKT.0199");
    }

    @Test
    void aV1AddressIsDebuggedWithV1Requests() {
        long seller = newSeller();
        String key = sellers.issueV1Key(seller);
        RecordingSeller recording = new RecordingSeller();
        SellerStub stub = v1Kit(key, recording);
        ProductionAddress address = addresses.add(seller, stub.url(), InterfaceVersion.V1, null).address();
        addresses.verify(seller, address.id());

        DebugRun created = addresses.debug(seller, address.id(), Scenario.NEW_INSTANCE, null);
        DebugRun expired = addresses.debug(seller, address.id(), Scenario.EXPIRY, null);
        DebugRun unfrozen = addresses.debug(seller, address.id(), Scenario.UNFREEZE, null);

        assertThat(created.passed()).as(created.verdict()).isTrue();
        assertThat(created.requestText()).startsWith("GET ").contains("activity=newInstance").contains("testFlag=1")
                .contains("authToken=").doesNotContain(key);
        assertThat(expired.passed()).as(expired.verdict()).isTrue();
        assertThat(expired.requestText()).contains("activity=expireInstance");
        assertThat(unfrozen.passed()).as(unfrozen.verdict()).isTrue();
        assertThat(unfrozen.requestText()).contains("activity=instanceStatus").contains("instanceStatus=UNFREEZE");
        assertThat(created.responseText()).contains("Body-Sign");
    }

    @Test
    void theDebugPageShowsTheExactRequestAndAnswerButNeverTheKey() throws Exception {
        Verified v = verifiedV2Address();
        String location = mvc.perform(post("/seller/addresses/{id}/debug", v.address().id())
                        .param("scenario", "NEW_INSTANCE").with(user(as(Role.SELLER, v.sellerId()))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/debug?run=");

        String page = mvc.perform(get(location).with(user(as(Role.SELLER, v.sellerId()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("POST " + v.stub().url() + "?signature=").contains("&amp;nonce=")
                .contains("&quot;testFlag&quot;:&quot;1&quot;").contains("HTTP 200")
                .contains("&quot;resultCode&quot;:&quot;000000&quot;").contains("id=\"save-case\"")
                .doesNotContain(v.key());
    }

    @Test
    void aFailingRunSaysWhyAndCannotBeSaved() {
        Verified v = verifiedV2Address();
        v.stub().respondWith(r -> SellerStub.unsigned("{\"resultCode\":\"000005\",\"resultMsg\":\"database down\"}"));

        DebugRun run = addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null);

        assertThat(run.passed()).isFalse();
        assertThat(run.verdict()).contains("000005").contains("database down");
        assertThatThrownBy(() -> addresses.save(v.sellerId(), v.address().id(), run.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("run_failed"));
        assertThat(addresses.cases(v.sellerId(), v.address().id())).isEmpty();
    }

    @Test
    void aPassingRunIsSavedAsItsScenariosCase() {
        Verified v = verifiedV2Address();
        DebugRun first = addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null);
        DebugRun second = addresses.debug(v.sellerId(), v.address().id(), Scenario.NEW_INSTANCE, null);

        addresses.save(v.sellerId(), v.address().id(), first.id());
        DebugCase saved = addresses.save(v.sellerId(), v.address().id(), second.id());

        assertThat(addresses.cases(v.sellerId(), v.address().id())).singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo(saved.id());
                    assertThat(c.scenario()).isEqualTo(Scenario.NEW_INSTANCE);
                    assertThat(c.lastPassed()).isTrue();
                });
        assertThat(addresses.savedScenarios(v.sellerId(), v.address().url())).containsExactly(Scenario.NEW_INSTANCE);
        assertThat(addresses.savedScenarios(v.sellerId(), "https://unknown.isv.example.com/produce")).isEmpty();
    }

    @Test
    void debuggingNeedsAVerifiedAddress() {
        long seller = newSeller();
        ProductionAddress address = addresses.add(seller, SellerStub.refusedUrl(), InterfaceVersion.V2, null).address();
        assertThatThrownBy(() -> addresses.debug(seller, address.id(), Scenario.NEW_INSTANCE, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("address_not_verified"));
    }

    @Test
    void aScenarioOnAnInstanceNeedsTheNewPurchaseFirst() {
        Verified v = verifiedV2Address();
        assertThatThrownBy(() -> addresses.debug(v.sellerId(), v.address().id(), Scenario.RENEWAL, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("instance_required"));
    }
}
