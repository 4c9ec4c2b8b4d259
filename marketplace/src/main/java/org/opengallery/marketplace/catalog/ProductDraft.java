package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * Everything a seller fills in to publish or modify a product (发布商品), kept apart from the live product until an
 * operator approves it. Any field may be unset in a draft; {@link PublishingRules} says what is missing before it
 * can be submitted. Stored as JSON in its application, so a draft survives half-done.
 *
 * @param priceTemplate SIMPLE (简单模板): one spec with one flat price per period or one-off; CUSTOM (自定义模板):
 *     several specs, each with its own prices (our reading of "multi-SKU pricing"; no per-attribute price tiers)
 * @param imageFileIds public uploads shown on the product page, at most {@link #MAX_IMAGES}
 * @param copyrightFileId the software copyright certificate or commitment letter (private, for review only)
 */
public record ProductDraft(String name, AccessType accessType, InterfaceVersion version, String productionUrl,
        EncryptType encryptType, String description, SalesRegion salesRegion, PriceTemplate priceTemplate,
        String serviceAgreement, ServiceSupport support, Long logoFileId, List<Long> imageFileIds,
        Long copyrightFileId, List<DraftSku> skus) {

    public static final int MAX_IMAGES = 5;

    public enum PriceTemplate { SIMPLE, CUSTOM }

    public ProductDraft {
        support = support == null ? ServiceSupport.NONE : support;
        imageFileIds = imageFileIds == null ? List.of() : List.copyOf(imageFileIds);
        skus = skus == null ? List.of() : List.copyOf(skus);
    }

    public static ProductDraft empty() {
        return new ProductDraft(null, AccessType.SAAS, InterfaceVersion.V2, null, EncryptType.AES_256, null,
                SalesRegion.CN_MAINLAND, PriceTemplate.SIMPLE, null, ServiceSupport.NONE, null, List.of(), null, List.of());
    }

    /**
     * A spec (SKU) of the draft. {@code skuCode} is given once, when the spec is first added, and never changes, so
     * orders and instances keep pointing at it across modifications. PERIOD specs take a month and/or year price
     * (each gets its own productId on approval) and optionally a trial; ONE_TIME and ON_DEMAND_PKG take
     * {@code price}; ON_DEMAND takes {@code unitPrice} per {@code usageUnit}.
     */
    public record DraftSku(String skuCode, String name, ChargingMode.Known chargingMode, BigDecimal monthPrice,
            BigDecimal yearPrice, BigDecimal price, Integer trialDays, BigDecimal unitPrice, String usageUnit) {

        /** The catalog's SKU for this spec (prices without productIds: the catalog issues them). */
        NewSku toNewSku() {
            List<Price> prices = new ArrayList<>();
            switch (chargingMode) {
                case PERIOD -> {
                    if (monthPrice != null) {
                        prices.add(new Price(null, PeriodType.MONTH, monthPrice));
                    }
                    if (yearPrice != null) {
                        prices.add(new Price(null, PeriodType.YEAR, yearPrice));
                    }
                }
                case ONE_TIME, ON_DEMAND_PKG -> prices.add(new Price(null, null, price));
                case ON_DEMAND -> { }
            }
            boolean metered = chargingMode == ChargingMode.Known.ON_DEMAND;
            return new NewSku(skuCode, name.strip(), chargingMode, prices, trialDays, metered ? unitPrice : null,
                    metered ? usageUnit : null);
        }

        /** The spec as the catalog sells it now, to start a modification from. */
        static DraftSku of(Sku s) {
            return new DraftSku(s.skuCode(), s.name(), s.chargingMode(),
                    s.price(PeriodType.MONTH).map(Price::amount).orElse(null),
                    s.price(PeriodType.YEAR).map(Price::amount).orElse(null),
                    s.chargingMode() == ChargingMode.Known.ONE_TIME || s.chargingMode() == ChargingMode.Known.ON_DEMAND_PKG
                            ? s.price(null).map(Price::amount).orElse(null) : null,
                    s.trialDays(), s.unitPrice(), s.usageUnit());
        }
    }

    public ProductDraft withLogo(Long fileId) {
        return new ProductDraft(name, accessType, version, productionUrl, encryptType, description, salesRegion,
                priceTemplate, serviceAgreement, support, fileId, imageFileIds, copyrightFileId, skus);
    }

    public ProductDraft withImages(List<Long> fileIds) {
        return new ProductDraft(name, accessType, version, productionUrl, encryptType, description, salesRegion,
                priceTemplate, serviceAgreement, support, logoFileId, fileIds, copyrightFileId, skus);
    }

    public ProductDraft withCopyright(Long fileId) {
        return new ProductDraft(name, accessType, version, productionUrl, encryptType, description, salesRegion,
                priceTemplate, serviceAgreement, support, logoFileId, imageFileIds, fileId, skus);
    }

    /** The seller's typed-in content, keeping the files this draft already has (they are uploaded separately). */
    public ProductDraft withFilesOf(ProductDraft files) {
        return new ProductDraft(name, accessType, version, productionUrl, encryptType, description, salesRegion,
                priceTemplate, serviceAgreement, support, files.logoFileId, files.imageFileIds, files.copyrightFileId,
                skus);
    }

    /** The live product as a draft: where a modification starts. */
    static ProductDraft of(Product p, ProductProfile profile, List<Sku> skus) {
        return new ProductDraft(p.name(), p.accessType(), p.version(), p.productionUrl(), p.encryptType(),
                p.description(), profile.salesRegion(), skus.size() > 1 ? PriceTemplate.CUSTOM : PriceTemplate.SIMPLE,
                profile.serviceAgreement(), profile.support(), profile.logoFileId(), profile.imageFileIds(),
                profile.copyrightFileId(), skus.stream().map(DraftSku::of).toList());
    }
}
