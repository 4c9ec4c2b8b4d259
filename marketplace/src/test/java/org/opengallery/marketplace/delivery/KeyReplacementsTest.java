package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.secrets.SealedSecrets;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.beans.factory.annotation.Autowired;

/** A rotated key reaches the calls still queued, and only those of the rotated address. */
class KeyReplacementsTest extends DeliveryTestBase {

    static final String ROTATED = "v2-rotated-key-fedcba9876543210";

    @Autowired KeyReplacements replacements;
    @Autowired SealedSecrets secrets;
    SellerServer server;
    SellerKit kit;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void aQueuedCallSignedWithTheOldKeySucceedsOnceTheKeyIsRotated() {
        // the seller already runs with the new key; the call was written with the old one, so it is refused (000001)
        kit = SellerKit.builder().basicKey(ROTATED).seller(new RecordingSeller()).build().start();
        server = SellerServer.start(kit::handle);
        long sellerId = newSellerId();
        CallId id = calls.releaseInstance(new DeliveryCommand.ReleaseInstance(v2(sellerId, server.url(), null),
                "inst-rotated", "CS3", DeliveryCommand.ReleaseInstance.ReleaseReason.EXPIRED));
        awaitRetried(id, 1);
        assertThat(row(id).lastError()).contains("000001");

        assertThat(replacements.accessKeyReplaced(sellerId, server.url(), ROTATED)).isEqualTo(1);
        messages.restart(sellerId, id);

        awaitStatus(id, CallStatus.SUCCEEDED);
    }

    @Test
    void callsToOtherAddressesOrOtherSellersAndFinishedCallsKeepTheirKey() {
        // one address: the call about inst-d succeeds at once, every other one fails and stays queued
        server = SellerServer.start(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("inst-d")
                ? SellerServer.json(200, "{\"resultCode\":\"000000\",\"resultMsg\":\"ok\"}")
                : SellerServer.json(500, "{}"));
        long sellerId = newSellerId();
        long otherSeller = newSellerId();
        String otherUrl = server.url() + "/other";
        CallId mine = calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(v2(sellerId, server.url(), null),
                "inst-a", "CS4", DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        CallId otherAddress = calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                v2(sellerId, otherUrl, null), "inst-b", "CS5", DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        CallId otherSellers = calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                v2(otherSeller, server.url(), null), "inst-c", "CS6", DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        CallId finished = calls.updateInstanceStatus(new DeliveryCommand.UpdateInstanceStatus(
                v2(sellerId, server.url(), null), "inst-d", "CS7", DeliveryCommand.UpdateInstanceStatus.Status.FREEZE));
        awaitStatus(finished, CallStatus.SUCCEEDED);

        replacements.accessKeyReplaced(sellerId, server.url(), ROTATED);

        assertThat(secrets.unseal(row(mine).sealedKey())).isEqualTo(ROTATED);
        assertThat(secrets.unseal(row(otherAddress).sealedKey())).isEqualTo(V2_KEY);
        assertThat(secrets.unseal(row(otherSellers).sealedKey())).isEqualTo(V2_KEY);
        assertThat(secrets.unseal(row(finished).sealedKey())).isEqualTo(V2_KEY);
    }

    @Test
    void aNewV1KeyReachesEveryQueuedV1CallOfTheSellerButNoV2Call() {
        server = SellerServer.start(r -> SellerServer.json(500, "{}"));
        long sellerId = newSellerId();
        CallId v1 = calls.releaseInstance(new DeliveryCommand.ReleaseInstance(v1(sellerId, server.url() + "/v1", null),
                "inst-e", "CS8", DeliveryCommand.ReleaseInstance.ReleaseReason.EXPIRED));
        CallId v2 = calls.releaseInstance(new DeliveryCommand.ReleaseInstance(v2(sellerId, server.url(), null),
                "inst-f", "CS9", DeliveryCommand.ReleaseInstance.ReleaseReason.EXPIRED));

        assertThat(replacements.v1KeyReplaced(sellerId, "v1-rotated-key")).isEqualTo(1);

        assertThat(secrets.unseal(row(v1).sealedKey())).isEqualTo("v1-rotated-key");
        assertThat(secrets.unseal(row(v2).sealedKey())).isEqualTo(V2_KEY);
    }
}
