package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.delivery.OrderNotificationSettings.Scope;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.beans.factory.annotation.Autowired;

/** 订单通知: configured per access type and/or product, product level wins, one notification per order. */
class OrderNotificationTest extends DeliveryTestBase {

    @Autowired OrderNotificationSettings settings;

    private final RecordingSeller productSeller = new RecordingSeller();
    private final RecordingSeller typeSeller = new RecordingSeller();
    private SellerKit productKit;
    private SellerKit typeKit;
    private SellerServer productServer;
    private SellerServer typeServer;

    @AfterEach
    void stop() {
        productServer.close();
        typeServer.close();
        productKit.close();
        typeKit.close();
    }

    private long configure() {
        productKit = v2Kit(productSeller, Duration.ofSeconds(3));
        typeKit = v2Kit(typeSeller, Duration.ofSeconds(3));
        productServer = SellerServer.start(productKit::handle);
        typeServer = SellerServer.start(typeKit::handle);
        long sellerId = newSellerId();
        long byType = settings.addAddress(sellerId, typeServer.url(), SellerEndpoint.InterfaceVersion.V2, V2_KEY);
        long byProduct = settings.addAddress(sellerId, productServer.url(), SellerEndpoint.InterfaceVersion.V2, V2_KEY);
        settings.link(sellerId, byType, Scope.ACCESS_TYPE, "SaaS");
        settings.link(sellerId, byProduct, Scope.PRODUCT, "OFFI-PRODUCT-LEVEL");
        return sellerId;
    }

    private static OrderFacts forProduct(String type, String productId) {
        OrderFacts o = order(type);
        return new OrderFacts(o.orderId(), o.orderLineId(), type, productId, o.skuCode(), o.chargingMode(),
                o.periodType(), o.periodNumber(), o.expireTime(), o.trial(), o.amount(), o.buyer());
    }

    private void created(long sellerId, OrderFacts order, String accessType) {
        calls.orderCreated(new DeliveryCommand.OrderCreated(v2(sellerId, "http://unused.invalid/production", null),
                order.productId(), accessType, order));
    }

    @Test
    void productLevelWinsAndTheOrderIsNotifiedOnce() {
        long sellerId = configure();
        OrderFacts order = forProduct("NEW", "OFFI-PRODUCT-LEVEL");

        created(sellerId, order, "SaaS");   // matches both the product and its access type

        await().atMost(Duration.ofSeconds(10)).until(() -> productSeller.notifications.size() == 1);
        assertThat(productSeller.notifications.get(0).orderId()).isEqualTo(order.orderId());
        assertThat(productSeller.notifications.get(0).orderLineId()).isEqualTo(order.orderLineId());
        SellerServer.Seen sent = productServer.seen.get(0);
        assertThat(sent.fields()).containsEntry("activity", "orderNotify").containsEntry("testFlag", "0");
        assertThat(sent.query()).containsKeys("signature", "timestamp", "nonce");
        assertThat(typeServer.seen).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_call WHERE order_id = ? AND status = 'SUCCEEDED'",
                Long.class, order.orderId())).isOne();
    }

    @Test
    void anAccessTypeLinkServesTheOtherProductsOfThatType() {
        long sellerId = configure();
        OrderFacts order = forProduct("RENEW", "OFFI-OTHER");

        created(sellerId, order, "SaaS");

        await().atMost(Duration.ofSeconds(10)).until(() -> typeSeller.notifications.size() == 1);
        assertThat(productServer.seen).isEmpty();
    }

    @Test
    void onlyNewRenewChangeAndUnsubscribeOrdersAreNotified() throws Exception {
        long sellerId = configure();
        for (String type : new String[] {"TRIAL", "TRIAL_TO_FORMAL"}) {
            created(sellerId, forProduct(type, "OFFI-PRODUCT-LEVEL"), "SaaS");
        }
        created(sellerId, forProduct("NEW", "OFFI-PRODUCT-LEVEL"), "License");     // product link, other type
        created(sellerId, forProduct("CHANGE", "OFFI-UNLINKED"), "API");          // nothing configured
        created(sellerId, forProduct("UNSUBSCRIBE", "OFFI-OTHER"), "SaaS");
        await().atMost(Duration.ofSeconds(10)).until(() -> typeSeller.notifications.size() == 1
                && productSeller.notifications.size() == 1);
        Thread.sleep(500);
        assertThat(productSeller.notifications).hasSize(1);
        assertThat(typeSeller.notifications).hasSize(1);
    }

    @Test
    void anAccessTypeOrProductLinksToOneAddressOnly() {
        long sellerId = configure();
        long other = settings.addAddress(sellerId, "https://other.example.com/notify", SellerEndpoint.InterfaceVersion.V2, "k");
        assertThatThrownBy(() -> settings.link(sellerId, other, Scope.PRODUCT, "OFFI-PRODUCT-LEVEL"))
                .isInstanceOf(ApiException.class).hasMessageContaining("already linked");
        assertThatThrownBy(() -> settings.link(sellerId, other, Scope.ACCESS_TYPE, "SaaS"))
                .isInstanceOf(ApiException.class);
        assertThat(settings.unlink(sellerId, Scope.ACCESS_TYPE, "SaaS")).isTrue();
        settings.link(sellerId, other, Scope.ACCESS_TYPE, "SaaS");   // moved after unlinking
        assertThat(settings.addresses(sellerId)).filteredOn(a -> a.id() == other).singleElement()
                .satisfies(a -> assertThat(a.accessTypes()).containsExactly("SaaS"));
        assertThatThrownBy(() -> settings.link(newSellerId(), other, Scope.PRODUCT, "X"))
                .isInstanceOf(ApiException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aFailedNotificationIsRetriedForThreeHours() {
        long sellerId = configure();
        productServer.respondWith(r -> SellerServer.json(500, "{}"));
        OrderFacts order = forProduct("NEW", "OFFI-PRODUCT-LEVEL");
        created(sellerId, order, "SaaS");
        await().atMost(Duration.ofSeconds(10)).until(() -> messages.failures(sellerId).size() == 1);
        ProductionInterfaceMessage m = messages.failures(sellerId).get(0);
        assertThat(m.activity()).isEqualTo("orderNotify");
        assertThat(Duration.between(m.createdAt(), m.deadlineAt())).isEqualTo(Duration.ofHours(3));
        productServer.respondWith(productKit::handle);
        await().atMost(Duration.ofSeconds(10)).until(() -> productSeller.notifications.size() == 1);
    }
}
