package org.opengallery.marketplace.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.delivery.CallId;
import org.opengallery.marketplace.delivery.DeliveryEvents;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.order.Order;
import org.springframework.beans.factory.annotation.Autowired;

/** The buyer's message center hears of the service opening, its release, and a failed (refunded) order. */
class OrderNoticesTest extends ConsolePagesTestBase {

    @Autowired Notices notices;

    private java.util.List<String> kinds(long buyer) {
        return notices.of(Recipient.buyer(buyer), 50).stream().map(Notice::kind).toList();
    }

    @Test
    void theBuyerIsToldOnceThatTheServiceOpened() {
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("10");
        Order order = paid(buyer, sku);
        assertThat(kinds(buyer)).doesNotContain("ORDER_OPENED");
        Instance running = provision(order);
        answer(new DeliveryEvents.InstanceProvisioned(order.orderId(), order.line().orderLineId(), running.instanceId(), null));
        assertThat(kinds(buyer)).containsOnlyOnce("ORDER_OPENED");
        Notice opened = notices.of(Recipient.buyer(buyer), 50).stream().filter(n -> n.kind().equals("ORDER_OPENED"))
                .findFirst().orElseThrow();
        assertThat(opened.title()).startsWith("服务已开通");
        assertThat(opened.body()).contains(order.orderId());
        assertThat(opened.link()).isEqualTo("/buyer/orders/" + order.orderId());
    }

    @Test
    void theBuyerIsToldWhenAnExpiredInstanceIsReleased() {
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("10");
        Instance instance = running(buyer, sku, 1);
        clock.advance(Duration.ofDays(32));
        lifecycle.tick();
        assertThat(kinds(buyer)).doesNotContain("INSTANCE_RELEASED");
        clock.advance(lifecycle.freezePeriod().plusDays(1));
        lifecycle.tick();
        assertThat(kinds(buyer)).containsOnlyOnce("INSTANCE_RELEASED");
        assertThat(notices.of(Recipient.buyer(buyer), 50).get(0).body()).contains(instance.instanceId());
    }

    @Test
    void theBuyerIsToldWhenDeliveryGaveUpAndTheOrderWasRefunded() {
        String sku = unique("sku");
        product(seller(), periodSku(sku, "10.00", "100.00"));
        long buyer = buyer("10");
        Order order = paid(buyer, sku);
        answer(new DeliveryEvents.CallGaveUp(new CallId(1), "newInstance", order.orderId(), order.line().orderLineId(),
                null, "timeout"));
        assertThat(kinds(buyer)).containsOnlyOnce("ORDER_FAILED");
        assertThat(notices.of(Recipient.buyer(buyer), 50).get(0).body()).contains("¥10.00");
    }
}
