package org.opengallery.marketplace.pages;

import java.util.List;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.catalog.ProductSales;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The storefront (public): home, search, product detail with the buy form; the sign-in page. */
@Controller
@ConsolePage
class StorefrontController {

    private final Catalog catalog;
    private final Sellers sellers;
    private final Buyers buyers;
    private final ProductSales sales;

    StorefrontController(Catalog catalog, Sellers sellers, Buyers buyers, ProductSales sales) {
        this.catalog = catalog;
        this.sellers = sellers;
        this.buyers = buyers;
        this.sales = sales;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("products", catalog.listedProducts().stream().map(ProductCard::of).toList());
        model.addAttribute("categories", catalog.categories());
        return "home";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "category", required = false) String category, Model model) {
        AccessType type = null;
        for (AccessType t : AccessType.values()) {
            if (t.name().equalsIgnoreCase(category)) {
                type = t;
            }
        }
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query);
        model.addAttribute("category", type == null ? "" : type.name());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("products", catalog.search(query, type).stream().map(ProductCard::of).toList());
        return "search";
    }

    /** What the buy form offers for one product. */
    record BuyOptions(boolean month, boolean year, boolean trial, boolean once) {
        static BuyOptions of(List<Sku> skus) {
            boolean month = false, year = false, trial = false, once = false;
            for (Sku s : skus) {
                if (s.chargingMode() == ChargingMode.Known.PERIOD) {
                    month |= s.price(PeriodType.MONTH).isPresent();
                    year |= s.price(PeriodType.YEAR).isPresent();
                    trial |= s.trialAllowed();
                } else {
                    once = true;
                }
            }
            return new BuyOptions(month, year, trial, once);
        }

        /** The choice ticked when the page opens. */
        String initial() {
            return month ? "month" : year ? "year" : once ? "once" : "trial";
        }
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Product product = catalog.product(id).filter(Product::listed)
                .orElseThrow(() -> ApiException.notFound("product", Long.toString(id)));
        // delisted and sold-out specs are not offered (publishing's sales switches)
        List<Sku> skus = sales.purchasable(catalog.skus(id));
        model.addAttribute("profile", sales.profile(id));
        model.addAttribute("product", product);
        model.addAttribute("skus", skus);
        Seller seller = sellers.seller(product.sellerId()).orElseThrow();
        model.addAttribute("seller", seller.name());
        model.addAttribute("sellerEmail", seller.customerServiceEmail());
        BuyOptions options = BuyOptions.of(skus);
        model.addAttribute("options", options);
        model.addAttribute("initialPurchase", options.initial());
        model.addAttribute("buyer", user != null && user.role() == Role.BUYER);
        if (user != null && user.role() == Role.BUYER) {
            model.addAttribute("balance", buyers.balance(user.subjectId()));
        }
        return "product";
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInUser user) {
        return user != null ? "redirect:" + user.home() : "login";
    }
}
