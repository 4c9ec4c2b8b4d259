package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.opengallery.protocol.message.order.ChargingMode;

/** A purchasable spec of a product, identified by its stable {@code skuCode}. */
public record Sku(String skuCode, long productId, String name, ChargingMode.Known chargingMode, Integer trialDays,
        BigDecimal unitPrice, String usageUnit, List<Price> prices) {

    /** The price for a period type (PERIOD) or the single price (other modes, periodType null). */
    public Optional<Price> price(PeriodType periodType) {
        return prices.stream().filter(p -> p.periodType() == periodType).findFirst();
    }

    public boolean trialAllowed() {
        return trialDays != null;
    }
}
