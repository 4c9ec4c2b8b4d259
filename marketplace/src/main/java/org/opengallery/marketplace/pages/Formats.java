package org.opengallery.marketplace.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times and money as the pages show them ({@code ${@fmt.time(x)}}): Beijing time, two decimals. */
@Component("fmt")
public class Formats {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String money(BigDecimal amount) {
        return amount == null ? "—" : "¥" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
