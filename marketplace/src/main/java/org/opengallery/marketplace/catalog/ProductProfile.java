package org.opengallery.marketplace.catalog;

import java.util.List;

/**
 * What the product page shows besides name, description and specs: sales region, the service agreement the buyer
 * ticks, 服务与支持, logo and images; and the copyright file the operators reviewed (never shown to buyers).
 * Products made before publishing existed (or directly, like the demo's) may have {@link #NONE}.
 */
public record ProductProfile(SalesRegion salesRegion, String serviceAgreement, ServiceSupport support,
        Long logoFileId, List<Long> imageFileIds, Long copyrightFileId) {

    public static final ProductProfile NONE = new ProductProfile(SalesRegion.CN_MAINLAND, null, ServiceSupport.NONE,
            null, List.of(), null);

    public ProductProfile {
        support = support == null ? ServiceSupport.NONE : support;
        imageFileIds = imageFileIds == null ? List.of() : List.copyOf(imageFileIds);
    }

    static ProductProfile of(ProductDraft d) {
        return new ProductProfile(d.salesRegion(), d.serviceAgreement(), d.support(), d.logoFileId(),
                d.imageFileIds(), d.copyrightFileId());
    }
}
