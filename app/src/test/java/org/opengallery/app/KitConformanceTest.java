package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.CheckSettings;
import org.opengallery.conformance.ConformanceCheck;
import org.opengallery.conformance.MockOpenApi;
import org.opengallery.conformance.Protocol;
import org.opengallery.conformance.Report;
import org.opengallery.conformance.SellerPublicKey;
import org.opengallery.conformance.Summary;
import org.opengallery.protocol.apig.AccessKeys;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.sync.AllOrgSyncRequest;
import org.opengallery.protocol.message.sync.AuthSyncRequest;
import org.opengallery.protocol.message.sync.SingleOrgSyncRequest;
import org.opengallery.protocol.message.sync.TenantSyncRequest;
import org.opengallery.sellerkit.ApplicationSync;
import org.opengallery.sellerkit.ChangeCheck;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.JointOperationSync;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.OrderNotification;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.SellerKit;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;

/** The conformance checker, playing KooGallery, against a seller built on the kit: every case must pass. */
class KitConformanceTest {

    static final String KEY = "conformance-key";
    static KeyPair appCredential;

    HttpServer server;
    SellerKit kit;
    MockOpenApi openApi;

    @BeforeAll
    static void keys() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        appCredential = generator.generateKeyPair();
    }

    /** A seller that implements every activity trivially: the cases test the kit, not the seller. */
    static final class EverythingSeller implements SaasSeller, JointOperationSync {
        final Duration provisioning;

        EverythingSeller(Duration provisioning) {
            this.provisioning = provisioning;
        }

        @Override
        public AppInfo newInstance(NewInstance order) throws Exception {
            Thread.sleep(provisioning.toMillis());
            return new AppInfo("https://notes.example/t/" + order.instanceId(), null, "admin", "S3cret!pw", null);
        }

        @Override
        public void refreshInstance(InstanceRefresh refresh) {
        }

        @Override
        public void updateInstanceStatus(InstanceStatusUpdate update) {
        }

        @Override
        public void releaseInstance(InstanceRelease release) {
        }

        @Override
        public void upgradeInstance(InstanceUpgrade upgrade) {
        }

        @Override
        public void changeInstanceCheck(ChangeCheck check) {
        }

        @Override
        public void orderNotify(OrderNotification notification) {
        }

        @Override
        public String getLicense(NewInstance order) {
            return "LIC-" + order.orderId();
        }

        @Override
        public void tenantSync(TenantSyncRequest request) {
        }

        @Override
        public void applicationSync(ApplicationSync sync) {
        }

        @Override
        public void authSync(AuthSyncRequest request) {
        }

        @Override
        public void singleOrgSync(SingleOrgSyncRequest request) {
        }

        @Override
        public void allOrgSync(AllOrgSyncRequest request) {
        }
    }

    URI serve(Duration provisioning) throws Exception {
        openApi = MockOpenApi.start(0, AccessKeys.of("AK-CHECK", "SK-CHECK"), KEY);
        EverythingSeller seller = new EverythingSeller(provisioning);
        kit = SellerKit.builder().accessKey(KEY).seller(seller).sync(seller).syncPrivateKey(appCredential.getPrivate())
                .asyncBudget(Duration.ofMillis(500))
                .orders(QueryOrderClient.builder(OpenApiEndpoint.of(openApi.baseUrl().toString()))
                        .credentials("AK-CHECK", "SK-CHECK").build())
                .build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((n, v) -> headers.put(n, v.get(0)));
            KitResponse answer = kit.handle(new KitRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers,
                    exchange.getRequestBody().readAllBytes()));
            answer.headers().forEach((n, v) -> exchange.getResponseHeaders().set(n, v));
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/saasproduce");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        kit.close();
        openApi.close();
    }

    static String run(CheckSettings settings, MockOpenApi openApi, Summary[] summary) {
        StringWriter out = new StringWriter();
        summary[0] = new ConformanceCheck(settings.withProvisioningTimeout(Duration.ofSeconds(20)), openApi)
                .run(new Report(new PrintWriter(out, true)));
        return out.toString();
    }

    @Test
    void aKitSellerPassesEveryV2AndJointOperationCase() throws Exception {
        URI url = serve(Duration.ZERO);
        Summary[] summary = new Summary[1];
        String output = run(CheckSettings.of(url, KEY).withKit(SellerPublicKey.of(appCredential.getPublic())), openApi,
                summary);
        assertThat(summary[0].failed()).as(output).isZero();
        assertThat(output).doesNotContain("SKIP");
    }

    @Test
    void aSlowKitSellerPassesThroughAsyncProvisioning() throws Exception {
        URI url = serve(Duration.ofMillis(1500));
        Summary[] summary = new Summary[1];
        String output = run(CheckSettings.of(url, KEY), openApi, summary);
        assertThat(summary[0].failed()).as(output).isZero();
        assertThat(output).contains("PASS create: provisioned asynchronously (000004)");
    }

    @Test
    void aKitSellerPassesEveryV1Case() throws Exception {
        URI url = serve(Duration.ZERO);
        Summary[] summary = new Summary[1];
        String output = run(CheckSettings.of(url, KEY).withProtocol(Protocol.V1), openApi, summary);
        assertThat(summary[0].failed()).as(output).isZero();
    }
}
