package org.opengallery.marketplace.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * The debug cases a product's production address must have saved and passing before the product is submitted
 * (platform.md §2.5): for 包周期 (periodic) specs 新购, 续费, 过期 and 释放; for every other charging mode 新购 and 释放.
 * A product with both kinds of specs needs the union.
 */
final class RequiredDebugCases {

    /** Scenario names as 应用接入调试 saves them, with the labels the debug page shows in both languages. */
    private static final Map<String, String> PERIODIC = labels("NEW_INSTANCE", "新购 new purchase", "RENEWAL",
            "续费 renewal", "EXPIRY", "过期 expiry", "RELEASE", "释放 release");
    private static final Map<String, String> OTHER = labels("NEW_INSTANCE", "新购 new purchase", "RELEASE",
            "释放 release");

    private RequiredDebugCases() {
    }

    /** The labels of the required cases missing from {@code passing}, in the order the debug page runs them. */
    static List<String> missing(List<ProductDraft.DraftSku> skus, Set<String> passing) {
        boolean periodic = skus.stream().anyMatch(s -> s.chargingMode() == ChargingMode.Known.PERIOD);
        boolean other = skus.stream().anyMatch(s -> s.chargingMode() != null
                && s.chargingMode() != ChargingMode.Known.PERIOD);
        Map<String, String> required = new LinkedHashMap<>();
        if (periodic || !other) {
            required.putAll(PERIODIC);
        } else {
            required.putAll(OTHER);
        }
        List<String> missing = new ArrayList<>();
        required.forEach((scenario, label) -> {
            if (!passing.contains(scenario)) {
                missing.add(label);
            }
        });
        return missing;
    }

    private static Map<String, String> labels(String... namesAndLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            m.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return m;
    }
}
