package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The storefront: listed products and the SKUs a buyer may order; public, no token needed. */
@RestController
class ProductsController {

    private final Catalog catalog;
    private final ProductSales sales;

    ProductsController(Catalog catalog, ProductSales sales) {
        this.catalog = catalog;
        this.sales = sales;
    }

    record PriceView(String productId, String periodType, BigDecimal amount) {}

    record SkuView(String skuCode, String name, String chargingMode, Integer trialDays, BigDecimal unitPrice,
            String usageUnit, List<PriceView> prices) {}

    record ProductView(long id, long sellerId, String name, String description, String accessType,
            boolean jointOperation, List<SkuView> skus) {}

    @GetMapping("/api/v1/products")
    List<ProductView> products() {
        return catalog.listedProducts().stream().map(l -> new ProductView(l.product().id(), l.product().sellerId(),
                l.product().name(), l.product().description(), l.product().accessType().name(),
                // only what a buyer may order now: a delisted or sold-out spec stays out, as on the product page
                l.product().jointOperation(), sales.purchasable(l.skus()).stream().map(s -> new SkuView(s.skuCode(), s.name(),
                        s.chargingMode().code(), s.trialDays(), s.unitPrice(), s.usageUnit(),
                        s.prices().stream().map(p -> new PriceView(p.productId(),
                                p.periodType() == null ? null : p.periodType().code(), p.amount())).toList())).toList()))
                .toList();
    }
}
