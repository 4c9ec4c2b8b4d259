package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.conformance.Checking.AK;
import static org.opengallery.conformance.Checking.KEY;
import static org.opengallery.conformance.Checking.KIT_KEYS;
import static org.opengallery.conformance.Checking.SK;
import static org.opengallery.conformance.Checking.check;

import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.Checking.Result;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.message.order.MockOrder;

/** A seller that follows the protocol passes every case, however it provisions and whichever version it speaks. */
class FaithfulSellerTest {

    @Test
    void aFaithfulV2SellerWithJointOperationPassesEveryCase() throws Exception {
        try (MockOpenApi openApi = MockOpenApi.start(0, AccessKeys.of(AK, SK), KEY);
                SmallSeller seller = SmallSeller.withKey(KEY).openApi(openApi.baseUrl(), AK, SK)
                        .kitPrivateKey(KIT_KEYS.getPrivate()).start()) {
            CheckSettings settings = CheckSettings.of(seller.productionUrl(), KEY)
                    .withKit(SellerPublicKey.of(KIT_KEYS.getPublic()));
            Result result = check(settings, openApi);

            assertThat(result.lines()).as(result.output()).allMatch(l -> l.startsWith("PASS ") || l.endsWith(" failed"));
            int cases = new ConformanceCheck(settings, openApi).cases().size();
            assertThat(result.lines()).last().isEqualTo(cases + " passed, 0 failed");
            assertThat(result.summary().exitCode()).isZero();
            assertThat(result.lineOf("change-check")).isEqualTo("PASS change-check: the change is allowed (000000)");
        }
    }

    @Test
    void theSellerQueriesOrdersTheCheckerInventedThroughTheMockWithAkSk() throws Exception {
        try (MockOpenApi openApi = MockOpenApi.start(0, AccessKeys.of(AK, SK), KEY);
                SmallSeller seller = SmallSeller.withKey(KEY).openApi(openApi.baseUrl(), AK, SK).start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY), openApi);

            assertThat(result.summary().failed()).as(result.output()).isZero();
            assertThat(seller.createdForOrders()).isNotEmpty()
                    .allMatch(id -> id.matches("CS\\d{10}[A-Z0-9]{5}"), "a fresh KooGallery-style order id");
            assertThat(openApi.queriedOrders()).containsAll(seller.createdForOrders());
        }
    }

    @Test
    void anAsynchronousSellerPassesOnceQueryInstanceDelivers() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).provisioningAsynchronously().start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY), null);

            assertThat(result.summary().failed()).as(result.output()).isZero();
            assertThat(result.lineOf("create")).isEqualTo("PASS create: provisioned asynchronously (000004)");
        }
    }

    @Test
    void withoutTheMockTheCheckerSendsTheSpecsMockOrderIds() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY), null);

            assertThat(result.summary().failed()).as(result.output()).isZero();
            assertThat(seller.createdForOrders()).isNotEmpty().allMatch(MockOrder::isMock);
        }
    }

    @Test
    void withTheMockASecondRunAgainstTheSameSellerPassesToo() throws Exception {
        try (MockOpenApi openApi = MockOpenApi.start(0, AccessKeys.of(AK, SK), KEY);
                SmallSeller seller = SmallSeller.withKey(KEY).openApi(openApi.baseUrl(), AK, SK).start()) {
            check(CheckSettings.of(seller.productionUrl(), KEY), openApi);
            Result again = check(CheckSettings.of(seller.productionUrl(), KEY), openApi);

            assertThat(again.summary().failed()).as(again.output()).isZero();
        }
    }

    @Test
    void withoutTheMockASecondRunMeetsTheReleasedMockInstanceAndSaysWhy() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).start()) {
            check(CheckSettings.of(seller.productionUrl(), KEY), null);
            Result again = check(CheckSettings.of(seller.productionUrl(), KEY), null);

            assertThat(again.lineOf("create")).startsWith("FAIL create: queryInstance for the new instance ")
                    .contains("answered 000003", "though the create answered it provisioned (000000)",
                            "check against fresh seller state or with --open-api-port");
        }
    }

    @Test
    void aFaithfulV1SellerPassesEveryCase() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY).withProtocol(Protocol.V1), null);

            assertThat(result.lines()).as(result.output()).allMatch(l -> l.startsWith("PASS ") || l.endsWith(" failed"));
            assertThat(result.lines()).contains("PASS v1-body-sign", "PASS v1-credentials-decrypt");
            assertThat(result.summary().exitCode()).isZero();
        }
    }

    @Test
    void anAsynchronousV1SellerPassesToo() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).provisioningAsynchronously().start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY).withProtocol(Protocol.V1), null);

            assertThat(result.summary().failed()).as(result.output()).isZero();
            assertThat(result.lineOf("v1-create")).isEqualTo("PASS v1-create: provisioned asynchronously (000004)");
        }
    }

    @Test
    void applicationSyncIsSkippedWithoutTheSellersPublicKey() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).start()) {
            Result result = check(CheckSettings.of(seller.productionUrl(), KEY).withKit(null), null);

            assertThat(result.lineOf("kit-application-sync-add"))
                    .startsWith("SKIP kit-application-sync-add: no --kit-public-key");
            assertThat(result.lines()).last().asString().endsWith(" passed, 0 failed, 1 skipped");
            assertThat(result.summary().exitCode()).isZero();
        }
    }

    @Test
    void aSellerThatIsNotThereFailsEveryCaseQuickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = check(CheckSettings.of(URI.create("http://127.0.0.1:" + port + "/saasproduce"), KEY), null);

        assertThat(result.lineOf("create")).startsWith("FAIL create: newInstance could not connect to http://127.0.0.1:" + port);
        assertThat(result.lineOf("query-one")).startsWith("SKIP query-one: needs the instance of the create case");
        assertThat(result.summary().exitCode()).isEqualTo(1);
    }
}
