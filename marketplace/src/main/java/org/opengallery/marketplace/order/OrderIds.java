package org.opengallery.marketplace.order;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opengallery.marketplace.secrets.RandomText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * KooGallery-shaped order ids: {@code CS} + yyMMddHHmm (UTC) + 5 random uppercase letters or digits, e.g.
 * {@code CS2211181819B4LVS}; line ids are {@code <orderId>-000001}. 36^5 ids per minute: a clash is checked for
 * and redrawn rather than left to a failing INSERT (which would abort a PostgreSQL transaction).
 */
@Component
class OrderIds {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String nextOrderId() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = "CS" + MINUTE.format(clock.instant())
                    + RandomText.draw(RandomText.UPPER_ALPHANUMERIC, 5);
            if (jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE id = :id").param("id", candidate)
                    .query(Long.class).single() == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free order id this minute after 20 draws");
    }

    static String lineId(String orderId, int number) {
        return orderId + "-" + String.format("%06d", number);
    }
}
