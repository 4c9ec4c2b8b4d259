package org.opengallery.marketplace.integration;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.NewProduct;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.OpenApiKeyPair;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.order.OrderInfo;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.SaasSeller;
import org.opengallery.sellerkit.SellerKit;
import org.opengallery.sellerkit.client.OpenApiEndpoint;
import org.opengallery.sellerkit.client.QueryOrderClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Integration tests run on the domain tests' shared context against real sellers over HTTP: the seller kit (or a
 * faulty stand-in) behind {@link SellerStub}. Page tests use MockMvc with the real security chain.
 */
abstract class IntegrationTestBase extends DomainTest {

    @Autowired WebApplicationContext context;
    @Autowired ProductionAddresses addresses;
    @Autowired DialTests dialTests;
    MockMvc mvc;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void closeSellers() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static SignedInUser as(Role role, long subjectId) {
        return new SignedInUser("user-" + role + subjectId, role, subjectId, null);
    }

    /** A registered seller without keys or addresses. */
    long newSeller() {
        return sellers.register("ISV " + unique(""), unique("isv"), "service@isv.example.com").id();
    }

    /** A V2 seller-kit interface with this BASIC key, recording what it is asked. */
    SellerStub v2Kit(String basicKey, RecordingSeller seller) {
        SellerKit kit = SellerKit.builder().basicKey(basicKey).seller(seller).build().start();
        open.add(kit);
        return serve(kit::handle);
    }

    /** A V1 seller-kit interface with this Key. */
    SellerStub v1Kit(String v1Key, RecordingSeller seller) {
        SellerKit kit = SellerKit.builder().v1Key(v1Key).encryptType(EncryptType.AES_256).seller(seller).build().start();
        open.add(kit);
        return serve(kit::handle);
    }

    SellerStub serve(java.util.function.Function<org.opengallery.sellerkit.KitRequest, org.opengallery.sellerkit.KitResponse> handler) {
        SellerStub stub = SellerStub.start(handler);
        open.add(stub);
        return stub;
    }

    /**
     * A V2 address of a new seller, verified against a seller kit holding its BASIC key that reads orders through
     * this marketplace's Query Order with the seller's own AK/SK, as a real seller's kit does.
     */
    Verified verifiedV2AddressReadingOrders(int marketplacePort) {
        long sellerId = newSeller();
        OpenApiKeyPair pair = sellers.createOpenApiKey(sellerId);
        RecordingSeller seller = new RecordingSeller();
        SellerStub stub = SellerStub.start(r -> SellerStub.unsigned("{}"));
        open.add(stub);
        ProductionAddress address = addresses.add(sellerId, stub.url(), InterfaceVersion.V2, null).address();
        String key = sellers.accessKey(sellerId, InterfaceType.BASIC, stub.url()).orElseThrow().key();
        SellerKit kit = SellerKit.builder().basicKey(key).seller(seller)
                .orders(QueryOrderClient.builder(OpenApiEndpoint.of("http://127.0.0.1:" + marketplacePort))
                        // the shared clock may have been moved on by other tests: sign on the marketplace's time
                        .credentials(pair.accessKey(), pair.secretKey()).clock(clock).build())
                .build().start();
        open.add(kit);
        stub.respondWith(kit::handle);
        return new Verified(sellerId, addresses.verify(sellerId, address.id()), key, stub, seller);
    }

    /** A V2 address of a new seller, with its BASIC key, verified against a seller kit holding that key. */
    record Verified(long sellerId, ProductionAddress address, String key, SellerStub stub, RecordingSeller seller) {}

    Verified verifiedV2Address() {
        long sellerId = newSeller();
        RecordingSeller seller = new RecordingSeller();
        SellerStub stub = SellerStub.start(r -> SellerStub.unsigned("{}"));
        open.add(stub);
        ProductionAddress address = addresses.add(sellerId, stub.url(), InterfaceVersion.V2, null).address();
        String key = sellers.accessKey(sellerId, InterfaceType.BASIC, stub.url()).orElseThrow().key();
        SellerKit kit = SellerKit.builder().basicKey(key).seller(seller).build().start();
        open.add(kit);
        stub.respondWith(kit::handle);
        return new Verified(sellerId, addresses.verify(sellerId, address.id()), key, stub, seller);
    }

    /** A listed V2 product of the seller delivered at this address. */
    Product listedProductAt(long sellerId, String url) {
        Product p = catalog.createProduct(new NewProduct(sellerId, "CRM " + unique(""), "a CRM", AccessType.SAAS, false,
                url, InterfaceVersion.V2, null));
        catalog.addSku(p.id(), periodSku(unique("sku"), "10.00", "100.00"));
        catalog.list(p.id());
        return catalog.product(p.id()).orElseThrow();
    }

    /** A seller that provisions at once and records the debug flag of everything it is asked. */
    static final class RecordingSeller implements SaasSeller {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Boolean> debugFlags = new CopyOnWriteArrayList<>();
        /** The orders the kit read through Query Order for a create or an upgrade. */
        final List<OrderInfo> orders = new CopyOnWriteArrayList<>();

        @Override
        public AppInfo newInstance(NewInstance order) {
            calls.add("newInstance");
            debugFlags.add(order.debug());
            if (order.order() != null) {
                orders.add(order.order());
            }
            return new AppInfo("https://app.example.com/" + order.instanceId(), null, "admin", "s3cret-pw", null);
        }

        @Override
        public void refreshInstance(InstanceRefresh refresh) {
            calls.add("refreshInstance");
            debugFlags.add(refresh.debug());
        }

        @Override
        public void updateInstanceStatus(InstanceStatusUpdate update) {
            calls.add("updateInstanceStatus");
            debugFlags.add(update.debug());
        }

        @Override
        public void releaseInstance(InstanceRelease release) {
            calls.add("releaseInstance");
            debugFlags.add(release.debug());
        }

        @Override
        public void upgradeInstance(InstanceUpgrade upgrade) {
            calls.add("upgradeInstance");
            debugFlags.add(upgrade.debug());
            if (upgrade.order() != null) {
                orders.add(upgrade.order());
            }
        }
    }
}
