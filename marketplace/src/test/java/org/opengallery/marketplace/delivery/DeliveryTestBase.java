package org.opengallery.marketplace.delivery;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.opengallery.marketplace.testsupport.MarketplaceTest;
import org.opengallery.marketplace.testsupport.MutableClock;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.BuyerInfo;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * One Spring context for all delivery tests (same annotations, so it is cached): the retry schedule in
 * milliseconds, a 1 s timeout, mail to a GreenMail server that lives as long as the JVM (a per-class server
 * would change port under the cached context). Windows stay at 1 h / 3 h: tests give up by moving the clock.
 */
@MarketplaceTest
@Import(EventLog.class)
@TestPropertySource(properties = {
        "opengallery.delivery.timeout=1s",
        "opengallery.delivery.retry.initial-interval=150ms",
        "opengallery.delivery.retry.multiplier=1.0",
        "opengallery.delivery.retry.max-interval=150ms",
        "opengallery.delivery.query.initial-interval=100ms",
        "opengallery.delivery.query.multiplier=1.5",
        "opengallery.delivery.query.max-interval=400ms",
        "opengallery.marketplace.master-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "db-scheduler.polling-interval=100ms",
        "spring.mail.host=127.0.0.1",
        "logging.level.org.opengallery.marketplace.delivery=INFO"})
abstract class DeliveryTestBase {

    static final String V2_KEY = "v2-basic-key-0123456789abcdef";
    static final String V1_KEY = "v1-seller-key-0123456789abcdef";
    static final GreenMail MAIL = startMail();
    private static final AtomicLong SELLERS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000);

    @Autowired ProductionInterfaceCalls calls;
    @Autowired ProductionInterfaceMessages messages;
    @Autowired CallRepository repository;
    @Autowired EventLog events;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    private static GreenMail startMail() {
        ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    static long newSellerId() {
        return SELLERS.incrementAndGet();
    }

    static SellerKit v2Kit(RecordingSeller seller, Duration asyncBudget) {
        return SellerKit.builder().basicKey(V2_KEY).seller(seller).asyncBudget(asyncBudget).build().start();
    }

    static SellerKit v1Kit(RecordingSeller seller, boolean async) {
        return SellerKit.builder().v1Key(V1_KEY).encryptType(EncryptType.AES_256).seller(seller)
                .asyncBudget(async ? Duration.ofMillis(150) : Duration.ofSeconds(3)).v1AsyncCreate(async)
                .build().start();
    }

    static SellerEndpoint v2(long sellerId, String url, String mail) {
        return new SellerEndpoint(sellerId, url, SellerEndpoint.InterfaceVersion.V2, V2_KEY, EncryptType.AES_256, mail);
    }

    static SellerEndpoint v1(long sellerId, String url, String mail) {
        return new SellerEndpoint(sellerId, url, SellerEndpoint.InterfaceVersion.V1, V1_KEY, EncryptType.AES_256, mail);
    }

    static OrderFacts order(String type) {
        String orderId = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        return new OrderFacts(orderId, orderId + "-000001", type, "OFFI" + orderId.substring(2, 10), "sku-basic",
                "PERIOD", "month", 1, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), false,
                new BigDecimal("99.00"),
                new BuyerInfo("cust-" + orderId, "Buyer Co", "user-1", "buyer", "+8613800000000", "buyer+tag@example.com"));
    }

    CallRow row(CallId id) {
        return repository.find(id.value()).orElseThrow();
    }

    CallRow awaitStatus(CallId id, CallStatus status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> row(id).status() == status);
        return row(id);
    }

    CallRow awaitRetried(CallId id, int attempts) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> row(id).status() == CallStatus.FAILED && row(id).attempts() + row(id).polls() >= attempts);
        return row(id);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
