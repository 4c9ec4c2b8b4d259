package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.ProductDraft.PriceTemplate;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.beans.factory.annotation.Autowired;

/** Publishing tests' helpers: complete drafts and published products, made through the publishing services. */
abstract class PublishingTestSupport extends DomainTest {

    static final long OPERATOR = 1;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    static final byte[] PDF = "%PDF-1.4\n%%EOF".getBytes();

    @Autowired Publishing publishing;
    @Autowired ProductReviews reviews;
    @Autowired ProductSales sales;
    @Autowired Notices notices;

    /** A draft for this seller that passes every rule: content, logo and copyright file. */
    ProductApplication completeDraft(long seller, DraftSku... skus) {
        ProductApplication a = publishing.newDraft(seller);
        ProductDraft d = PublishingRulesTest.complete();
        List<DraftSku> specs = skus.length == 0 ? List.of(sku(unique("SKU"), "9.90")) : List.of(skus);
        publishing.save(seller, a.id(), new ProductDraft("Notes " + unique(""), d.accessType(), d.version(),
                PRODUCTION_URL, d.encryptType(), d.description(), d.salesRegion(),
                specs.size() > 1 ? PriceTemplate.CUSTOM : PriceTemplate.SIMPLE, d.serviceAgreement(), d.support(),
                null, List.of(), null, specs));
        publishing.attachLogo(seller, a.id(), "logo.png", PNG);
        publishing.attachCopyright(seller, a.id(), "copyright.pdf", PDF);
        return publishing.application(seller, a.id());
    }

    static DraftSku sku(String code, String month) {
        return new DraftSku(code, "Spec " + code, ChargingMode.Known.PERIOD, new BigDecimal(month),
                new BigDecimal("99.00"), null, 7, null, null);
    }

    /** Submitted and approved: the listed product. */
    Product published(long seller, DraftSku... skus) {
        ProductApplication a = completeDraft(seller, skus);
        publishing.submit(seller, a.id());
        reviews.approve(OPERATOR, a.id());
        return catalog.product(publishing.application(seller, a.id()).productId()).orElseThrow();
    }

    ProductDraft edited(ProductDraft d, String name, String monthPrice) {
        List<DraftSku> skus = d.skus().stream().map(s -> new DraftSku(s.skuCode(), s.name(), s.chargingMode(),
                new BigDecimal(monthPrice), s.yearPrice(), s.price(), s.trialDays(), s.unitPrice(), s.usageUnit())).toList();
        return new ProductDraft(name, d.accessType(), d.version(), d.productionUrl(), d.encryptType(), d.description(),
                d.salesRegion(), d.priceTemplate(), d.serviceAgreement(), d.support(), null, List.of(), null, skus);
    }
}
