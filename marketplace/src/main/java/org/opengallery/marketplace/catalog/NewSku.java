package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * A SKU to add to a product. PERIOD: one price per period type (month/year), optional {@code trialDays} 3–180.
 * ONE_TIME and ON_DEMAND_PKG: exactly one price without a period type. ON_DEMAND: {@code unitPrice} per
 * {@code usageUnit}, no prices (a productId is generated). A price's productId may be null: one is generated.
 */
public record NewSku(String skuCode, String name, ChargingMode.Known chargingMode, List<Price> prices,
        Integer trialDays, BigDecimal unitPrice, String usageUnit) {

    public static NewSku period(String skuCode, String name, List<Price> prices, Integer trialDays) {
        return new NewSku(skuCode, name, ChargingMode.Known.PERIOD, prices, trialDays, null, null);
    }
}
