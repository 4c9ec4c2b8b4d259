package org.opengallery.sellerkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.sellerkit.Platform.code;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengallery.protocol.cipher.ClientSecretCipher;
import org.opengallery.protocol.message.sync.AllOrgSyncRequest;
import org.opengallery.protocol.message.sync.TenantSyncRequest;

class SellerKitSyncTest {

    static final String KEY = "kit-access-key";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    static KeyPair rsa;

    final List<Object> synced = new CopyOnWriteArrayList<>();
    final Platform platform = new Platform(KEY, CLOCK);
    SellerKit kit;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        rsa = generator.generateKeyPair();
    }

    SellerKit kit(JointOperationSync sync) {
        kit = SellerKit.builder().kitKey(KEY).clock(CLOCK).seller(order -> null).sync(sync)
                .syncPrivateKey(rsa.getPrivate()).build();
        return kit;
    }

    @AfterEach
    void close() {
        kit.close();
    }

    static final String TENANT = "{\"instanceId\":\"huaiweitest123456\",\"orderId\":\"CS1906666666ABCDE\",\"tenantId\":"
            + "\"68cbc86880d92f36422fa0e\",\"tenantCode\":\"huawei\",\"name\":\"huaiweitest\",\"domainName\":"
            + "\"https://example.tenantaccount.com\",\"flag\":1,\"testFlag\":0,\"timeStamp\":\"20220413093539534\"}";

    @Test
    void tenantSyncIsVerifiedParsedAndHandedToTheSeller() {
        kit(new JointOperationSync() {
            @Override
            public void tenantSync(TenantSyncRequest request) {
                synced.add(request);
            }
        });
        assertThat(code(kit.handle(platform.kit("/produceAPI/v2/tenantSync", TENANT)))).isEqualTo("000000");
        assertThat(((TenantSyncRequest) synced.get(0)).tenantCode()).isEqualTo("huawei");
    }

    @Test
    void aRepeatedAddAndARepeatedDeleteSucceedWithoutReachingTheSellerAgain() {
        kit(new JointOperationSync() {
            @Override
            public void tenantSync(TenantSyncRequest request) {
                synced.add(request.flag());
            }
        });
        String delete = TENANT.replace("\"flag\":1", "\"flag\":0");
        String modify = TENANT.replace("\"flag\":1", "\"flag\":2");
        for (String body : List.of(TENANT, TENANT, modify, modify, delete, delete, TENANT)) {
            assertThat(code(kit.handle(platform.kit("/produceAPI/v2/tenantSync", body)))).isEqualTo("000000");
        }
        assertThat(synced).containsExactly(org.opengallery.protocol.message.sync.SyncFlag.ADD,
                org.opengallery.protocol.message.sync.SyncFlag.MODIFY, org.opengallery.protocol.message.sync.SyncFlag.MODIFY,
                org.opengallery.protocol.message.sync.SyncFlag.DELETE, org.opengallery.protocol.message.sync.SyncFlag.ADD);
    }

    @Test
    void aFailedSyncIsNotRecordedSoItsRetryReachesTheSeller() {
        int[] attempts = {0};
        kit(new JointOperationSync() {
            @Override
            public void tenantSync(TenantSyncRequest request) {
                if (attempts[0]++ == 0) {
                    throw new IllegalStateException("database down");
                }
            }
        });
        assertThat(code(kit.handle(platform.kit("/produceAPI/v2/tenantSync", TENANT)))).isEqualTo("000005");
        assertThat(code(kit.handle(platform.kit("/produceAPI/v2/tenantSync", TENANT)))).isEqualTo("000000");
        assertThat(attempts[0]).isEqualTo(2);
    }

    @Test
    void aWrongXSignIs000001AndNeverReachesTheSeller() {
        kit(new JointOperationSync() {
            @Override
            public void tenantSync(TenantSyncRequest request) {
                synced.add(request);
            }
        });
        KitRequest forged = new Platform("other", CLOCK).kit("/produceAPI/v2/tenantSync", TENANT);
        assertThat(code(kit.handle(forged))).isEqualTo("000001");
        assertThat(synced).isEmpty();
    }

    @Test
    void theClientSecretReachesTheSellerDecrypted() {
        kit(new JointOperationSync() {
            @Override
            public void applicationSync(ApplicationSync sync) {
                synced.add(sync);
            }
        });
        String encrypted = ClientSecretCipher.encrypt("client-secret-plain", rsa.getPublic());
        String body = "{\"instanceId\":\"i1\",\"tenantId\":\"t1\",\"appId\":\"app1\",\"clientId\":\"cid\",\"clientSecret\":\""
                + encrypted + "\",\"flag\":1,\"testFlag\":0,\"timeStamp\":\"20220413093539534\"}";
        assertThat(code(kit.handle(platform.kit("/produceAPI/v2/applicationSync", body)))).isEqualTo("000000");
        assertThat(((ApplicationSync) synced.get(0)).clientSecret()).isEqualTo("client-secret-plain");
        assertThat(synced.get(0).toString()).doesNotContain("client-secret-plain");
    }

    @Test
    void allOrgSyncAcceptsTheOrgListSentAsAString() {
        kit(new JointOperationSync() {
            @Override
            public void allOrgSync(AllOrgSyncRequest request) {
                synced.add(request);
            }
        });
        String body = "{\"instanceId\":\"i1\",\"tenantId\":\"t1\",\"orgInfoList\":\"[{\\\"orgCode\\\":\\\"o1\\\","
                + "\\\"orgName\\\":\\\"R&D\\\"}]\",\"flag\":1,\"testFlag\":0,\"timeStamp\":\"20220413093539534\"}";
        assertThat(code(kit.handle(platform.kit("/produceAPI/v2/allOrgSync", body)))).isEqualTo("000000");
        assertThat(((AllOrgSyncRequest) synced.get(0)).orgInfoList()).hasSize(1);
    }

    @Test
    void anInterfaceTheSellerDidNotImplementIsNotSupported() {
        kit(new JointOperationSync() { });
        KitResponse response = kit.handle(platform.kit("/produceAPI/v2/singleOrgSync",
                "{\"instanceId\":\"i1\",\"tenantId\":\"t1\",\"orgCode\":\"o1\",\"orgName\":\"R&D\",\"flag\":1,\"testFlag\":0,"
                        + "\"timeStamp\":\"20220413093539534\"}"));
        assertThat(code(response)).isEqualTo("000005");
        assertThat(response.bodyText()).contains("singleOrgSync").contains("not supported");
    }

    @Test
    void anUnknownSyncPathIs404() {
        kit(new JointOperationSync() { });
        assertThat(kit.handle(platform.kit("/produceAPI/v2/nothingSync", "{}")).status()).isEqualTo(404);
    }
}
