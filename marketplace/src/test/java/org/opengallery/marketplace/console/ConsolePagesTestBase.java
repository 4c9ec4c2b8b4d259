package org.opengallery.marketplace.console;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.order.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console page tests: MockMvc with the real security chain on the domain tests' shared context (where the
 * delivery engine is a recording fake, so the production-interface calls a test needs are written as rows).
 */
abstract class ConsolePagesTestBase extends DomainTest {

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static SignedInUser as(Role role, long subjectId) {
        return new SignedInUser("user-" + role + subjectId, role, subjectId, null);
    }

    /** A paid NEW monthly order of this SKU (PROCESSING until provisioned). */
    Order paid(long buyerId, String skuCode) {
        Order placed = orders.placeNew(buyerId, skuCode, "month", 1, false);
        return orders.pay(buyerId, placed.orderId());
    }

    /**
     * A production-interface call row as the engine would have stored it. The address refuses connections, so a
     * restarted call fails again at once; the key is not a sealed one, which the engine reports as its failure.
     */
    long call(long sellerId, String orderId, String status, String lastError) {
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                INSERT INTO delivery_call (activity, phase, order_id, order_line_id, seller_id, url, interface_version,
                    encrypt_type, seller_key_enc, command, request, attempts, polls, status, next_attempt_at,
                    deadline_at, last_error, last_response, failure_mailed, restarted, gave_up_at, created_at, updated_at)
                VALUES ('NEW_INSTANCE', 'CALL', :order, :line, :seller, 'http://127.0.0.1:9/produce', 'V2', '1',
                    'not-a-sealed-key', '{}', :request, 3, 0, :status, :next, :deadline, :error,
                    '{"resultCode":"000001"}', TRUE, FALSE, :gaveUp, :now, :now)""")
                .param("order", orderId).param("line", orderId == null ? null : orderId + "-000001")
                .param("seller", sellerId).param("request", "{\"activity\":\"newInstance\",\"orderId\":\"" + orderId + "\"}")
                .param("status", status)
                .param("next", "FAILED".equals(status) ? now.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC) : null)
                .param("deadline", now.plus(3, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC)).param("error", lastError)
                .param("gaveUp", "GAVE_UP".equals(status) ? now.atOffset(ZoneOffset.UTC) : null)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
