package org.opengallery.sellerdemo;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which plan an order's SKU buys: {@code seller-demo.plans.basic} and {@code seller-demo.plans.pro}, each a
 * comma-separated list of the skuCodes the seller registered in KooGallery for that plan. Without configuration
 * the skuCodes {@code basic} and {@code pro} name their plans. Any other skuCode, or none, gets the basic plan
 * (logged): a buyer is never refused a workspace because the seller added a SKU and forgot to map it.
 *
 * @param basic the skuCodes of the basic plan
 * @param pro   the skuCodes of the pro plan
 */
@ConfigurationProperties("seller-demo.plans")
public record Plans(Set<String> basic, Set<String> pro) {

    private static final Logger LOG = LoggerFactory.getLogger(Plans.class);

    public Plans {
        basic = skuCodes(basic, "basic");
        pro = skuCodes(pro, "pro");
        Set<String> both = new LinkedHashSet<>(basic);
        both.retainAll(pro);
        if (!both.isEmpty()) {
            // Either answer would be a guess about what the buyer paid for.
            throw new IllegalArgumentException("skuCodes " + both
                    + " are in both seller-demo.plans.basic and seller-demo.plans.pro");
        }
    }

    /** The plan a skuCode buys; {@code purchase} (e.g. "order CS…") only names it in the log. */
    public Plan forSku(String skuCode, String purchase) {
        if (skuCode != null && pro.contains(skuCode)) {
            return Plan.PRO;
        }
        if (skuCode != null && basic.contains(skuCode)) {
            return Plan.BASIC;
        }
        if (skuCode == null) {
            LOG.info("{} came without a skuCode (no Query Order?): the basic plan", purchase);
        } else {
            LOG.warn("{}: skuCode {} is in neither seller-demo.plans.basic nor seller-demo.plans.pro: the basic plan",
                    purchase, skuCode);
        }
        return Plan.BASIC;
    }

    private static Set<String> skuCodes(Set<String> configured, String fallback) {
        if (configured == null) {
            return Set.of(fallback);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : configured) {
            if (code != null && !code.isBlank()) {
                codes.add(code.strip());
            }
        }
        return Set.copyOf(codes);
    }
}
