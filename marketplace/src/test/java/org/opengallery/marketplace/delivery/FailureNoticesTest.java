package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.springframework.beans.factory.annotation.Autowired;

/** The seller's message center hears of a failing call twice: at its first failure and when it is given up. */
class FailureNoticesTest extends DeliveryTestBase {

    @Autowired Notices notices;

    private List<String> kinds(long sellerId) {
        return notices.of(Recipient.seller(sellerId), 20).stream().map(Notice::kind).toList();
    }

    @Test
    void aFailingCallIsNoticedOnItsFirstFailureAndWhenItIsGivenUp() {
        long sellerId = newSellerId();
        CallId id = calls.newInstance(new DeliveryCommand.NewInstance(
                v2(sellerId, SellerServer.refusedUrl(), "cs-" + sellerId + "@seller.example.com"), order("NEW")));
        awaitRetried(id, 3);
        assertThat(kinds(sellerId)).containsExactly("INTERFACE_CALL_FAILED");
        Notice failed = notices.of(Recipient.seller(sellerId), 20).get(0);
        assertThat(failed.link()).isEqualTo("/seller/interface-messages/" + id.value());
        assertThat(failed.body()).contains("newInstance").doesNotContain(V2_KEY);

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        awaitStatus(id, CallStatus.GAVE_UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(sellerId).size() == 2);
        assertThat(kinds(sellerId)).containsExactly("INTERFACE_CALL_GAVE_UP", "INTERFACE_CALL_FAILED");
    }
}
