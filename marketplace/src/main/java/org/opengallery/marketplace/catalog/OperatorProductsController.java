package org.opengallery.marketplace.catalog;

import java.util.List;
import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console's product pages: 商品审核 (the review queue, an application in full with its changes and
 * copyright file, approve / reject) and 商品管理 (every product with search, freeze with a reason, unfreeze,
 * relist). /operator/** needs ROLE_OPERATOR (WebSecurity).
 */
@Controller
@ConsolePage
class OperatorProductsController {

    private static final int SEARCH_LIMIT = 200;

    private final ProductReviews reviews;
    private final ProductSales sales;
    private final Catalog catalog;
    private final Sellers sellers;
    private final PageActions pages;

    OperatorProductsController(ProductReviews reviews, ProductSales sales, Catalog catalog, Sellers sellers,
            PageActions pages) {
        this.reviews = reviews;
        this.sales = sales;
        this.catalog = catalog;
        this.sellers = sellers;
        this.pages = pages;
    }

    /** A queue row: the application, its seller's name and the product's name (a delist request has no draft). */
    record QueueRow(ProductApplication application, String seller, String product) {}

    @GetMapping("/operator/publications")
    String queue(@RequestParam(required = false) String kind, Model model) {
        ApplicationKind k = null;
        for (ApplicationKind x : ApplicationKind.values()) {
            if (x.name().equals(kind)) {
                k = x;
            }
        }
        model.addAttribute("rows", reviews.queue(k).stream().map(this::row).toList());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("kinds", ApplicationKind.values());
        return "publishing/reviews";
    }

    @GetMapping("/operator/publications/{id}")
    String application(@PathVariable long id, Model model) {
        ProductApplication a = reviews.application(id);
        model.addAttribute("row", row(a));
        model.addAttribute("a", a);
        model.addAttribute("changes", reviews.changes(a));
        model.addAttribute("live", a.productId() == null ? null : sales.row(a.productId()).orElse(null));
        return "publishing/review";
    }

    @GetMapping("/operator/publications/{id}/copyright")
    ResponseEntity<byte[]> copyright(@PathVariable long id) {
        return pages.file(reviews.copyrightFile(id));
    }

    @PostMapping("/operator/publications/{id}/approve")
    String approve(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/publications/" + id, "publishing.done.approved", () -> {
            reviews.approve(user.subjectId(), id);
            return "redirect:/operator/publications";
        });
    }

    @PostMapping("/operator/publications/{id}/reject")
    String reject(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/publications/" + id, "publishing.done.rejected", () -> {
            reviews.reject(user.subjectId(), id, reason);
            return "redirect:/operator/publications";
        });
    }

    /** A product row with its seller's name. */
    record ProductLine(ProductSales.ProductRow row, String seller) {}

    @GetMapping("/operator/products")
    String products(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
            Model model) {
        ProductState s = null;
        for (ProductState x : ProductState.values()) {
            if (x.name().equals(state)) {
                s = x;
            }
        }
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        String needle = query.toLowerCase(java.util.Locale.ROOT);
        // sellers are another capability's: match their names through Sellers, then search by their ids
        List<Long> sellerIds = query.isEmpty() ? List.of() : sales.sellersWithProducts().stream()
                .filter(id -> sellerName(id).toLowerCase(java.util.Locale.ROOT).contains(needle)).toList();
        model.addAttribute("rows", sales.search(query, sellerIds, s, SEARCH_LIMIT).stream()
                .map(r -> new ProductLine(r, sellerName(r.product().sellerId()))).toList());
        model.addAttribute("q", query);
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("states", ProductState.values());
        return "publishing/operator-products";
    }

    @PostMapping("/operator/products/{id}/freeze")
    String freeze(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/products?q=" + id, "publishing.done.frozen", () -> {
            reviews.freeze(user.subjectId(), id, reason);
            return "redirect:/operator/products?q=" + id;
        });
    }

    @PostMapping("/operator/products/{id}/unfreeze")
    String unfreeze(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/products?q=" + id, "publishing.done.unfrozen", () -> {
            reviews.unfreeze(user.subjectId(), id);
            return "redirect:/operator/products?q=" + id;
        });
    }

    @PostMapping("/operator/products/{id}/relist")
    String relist(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/products?q=" + id, "publishing.done.relisted", () -> {
            reviews.relist(user.subjectId(), id);
            return "redirect:/operator/products?q=" + id;
        });
    }

    private QueueRow row(ProductApplication a) {
        String product = a.draft() != null ? a.draft().name()
                : a.productId() == null ? "" : catalog.product(a.productId()).map(Product::name).orElse("");
        return new QueueRow(a, sellerName(a.sellerId()), product);
    }

    private String sellerName(long sellerId) {
        return sellers.seller(sellerId).map(Seller::name).orElse("#" + sellerId);
    }
}
