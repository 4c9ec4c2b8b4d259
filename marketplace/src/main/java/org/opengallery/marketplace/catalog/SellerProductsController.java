package org.opengallery.marketplace.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.catalog.PublishingRules.Violation;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 商品管理 > 我的商品 in the seller center: the seller's live products (state, frozen reason, specs with their
 * productIds, hide / show, delist request, SKU delist and stock) and applications (drafts to edit, submit,
 * withdraw). Everything is the signed-in seller's own; another seller's product or draft is "not found".
 */
@Controller
@ConsolePage
class SellerProductsController {

    private final Publishing publishing;
    private final ProductSales sales;
    private final Catalog catalog;
    private final Sellers sellers;
    private final PageActions pages;

    SellerProductsController(Publishing publishing, ProductSales sales, Catalog catalog, Sellers sellers,
            PageActions pages) {
        this.publishing = publishing;
        this.sales = sales;
        this.catalog = catalog;
        this.sellers = sellers;
        this.pages = pages;
    }

    @GetMapping("/seller/products")
    String products(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("products", sales.ofSeller(user.subjectId()));
        model.addAttribute("applications", publishing.applications(user.subjectId()));
        model.addAttribute("standing", publishing.standing(user.subjectId()));
        return "publishing/products";
    }

    @PostMapping("/seller/products/drafts")
    String newDraft(@AuthenticationPrincipal SignedInUser user) {
        return "redirect:/seller/products/drafts/" + publishing.newDraft(user.subjectId()).id();
    }

    @GetMapping("/seller/products/drafts/{id}")
    String draft(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        ProductApplication a = publishing.application(user.subjectId(), id);
        model.addAttribute("productApplication", a); // not "application": Thymeleaf keeps that name for the servlet context
        if (a.draft() != null) {
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", DraftForm.of(a.draft()));
            }
            if (!model.containsAttribute("problems")) {
                model.addAttribute("problems", publishing.problems(user.subjectId(), id));
            }
        }
        model.addAttribute("editable", a.state().editable() && a.kind() != ApplicationKind.DELIST);
        model.addAttribute("addresses", sellers.basicKeys(user.subjectId()).stream().map(AccessKey::productionUrl).toList());
        model.addAttribute("accessTypes", AccessType.values());
        model.addAttribute("versions", InterfaceVersion.values());
        model.addAttribute("encryptTypes", EncryptType.values());
        model.addAttribute("regions", SalesRegion.values());
        model.addAttribute("templates", ProductDraft.PriceTemplate.values());
        model.addAttribute("modes", ChargingMode.Known.values());
        model.addAttribute("maxImages", ProductDraft.MAX_IMAGES);
        model.addAttribute("standing", publishing.standing(user.subjectId()));
        return "publishing/draft";
    }

    /** Saves the draft (showing what still breaks a rule), and submits it when the seller pressed submit. */
    @PostMapping("/seller/products/drafts/{id}")
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @ModelAttribute DraftForm form,
            @RequestParam(defaultValue = "save") String action, RedirectAttributes flash, Locale locale) {
        String page = ownDraft(user, id);
        List<String> unread = new ArrayList<>();
        ProductDraft typed = form.draft(unread);
        return pages.attempt(flash, locale, page, null, () -> {
            List<Violation> problems = publishing.save(user.subjectId(), id, typed);
            if (!unread.isEmpty()) {
                flash.addFlashAttribute("error", pages.message("publishing.draft.unreadable", locale) + " "
                        + String.join(", ", unread));
                return page;
            }
            if ("submit".equals(action)) {
                publishing.submit(user.subjectId(), id);
                flash.addFlashAttribute("notice", pages.message("publishing.done.submitted", locale));
                return "redirect:/seller/products";
            }
            flash.addFlashAttribute("notice", pages.message(problems.isEmpty() ? "publishing.done.saved"
                    : "publishing.done.savedWithProblems", locale));
            return page;
        });
    }

    @PostMapping("/seller/products/drafts/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        String page = ownDraft(user, id);
        return pages.attempt(flash, locale, page, "publishing.done.withdrawn", () -> {
            publishing.withdraw(user.subjectId(), id);
            return page;
        });
    }

    @PostMapping("/seller/products/drafts/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return pages.attempt(flash, locale, ownDraft(user, id), "publishing.done.deleted", () -> {
            publishing.delete(user.subjectId(), id);
            return "redirect:/seller/products";
        });
    }

    @PostMapping("/seller/products/drafts/{id}/logo")
    String logo(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Locale locale) {
        String page = ownDraft(user, id);
        return pages.attempt(flash, locale, page, "publishing.done.uploaded", () -> {
            publishing.attachLogo(user.subjectId(), id, file);
            return page;
        });
    }

    @PostMapping("/seller/products/drafts/{id}/images")
    String image(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Locale locale) {
        String page = ownDraft(user, id);
        return pages.attempt(flash, locale, page, "publishing.done.uploaded", () -> {
            publishing.attachImage(user.subjectId(), id, file);
            return page;
        });
    }

    @PostMapping("/seller/products/drafts/{id}/images/{fileId}/remove")
    String removeImage(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId,
            RedirectAttributes flash, Locale locale) {
        String page = ownDraft(user, id);
        return pages.attempt(flash, locale, page, null, () -> {
            publishing.removeImage(user.subjectId(), id, fileId);
            return page;
        });
    }

    @PostMapping("/seller/products/drafts/{id}/copyright")
    String copyright(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Locale locale) {
        String page = ownDraft(user, id);
        return pages.attempt(flash, locale, page, "publishing.done.uploaded", () -> {
            publishing.attachCopyright(user.subjectId(), id, file);
            return page;
        });
    }

    @GetMapping("/seller/products/drafts/{id}/copyright")
    ResponseEntity<byte[]> copyrightFile(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return pages.file(publishing.copyrightFile(user.subjectId(), id));
    }

    // ---- live products ---------------------------------------------------------------------------------------

    @GetMapping("/seller/products/{productId}")
    String product(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId, Model model) {
        ProductSales.ProductRow row = publishing.product(user.subjectId(), productId);
        model.addAttribute("row", row);
        model.addAttribute("p", row.product());
        model.addAttribute("skus", catalog.skus(productId));
        Map<String, SkuSale> skuSales = sales.skuSales(productId);
        model.addAttribute("skuSales", skuSales);
        model.addAttribute("profile", sales.profile(productId));
        model.addAttribute("applications", publishing.applications(user.subjectId()).stream()
                .filter(a -> a.productId() != null && a.productId() == productId).toList());
        return "publishing/product";
    }

    @PostMapping("/seller/products/{productId}/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId, RedirectAttributes flash,
            Locale locale) {
        publishing.product(user.subjectId(), productId);
        return pages.attempt(flash, locale, "redirect:/seller/products/" + productId, null,
                () -> ownDraft(user, publishing.modification(user.subjectId(), productId).id()));
    }

    @PostMapping("/seller/products/{productId}/hide")
    String hide(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId, RedirectAttributes flash,
            Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.hidden",
                () -> publishing.hide(user.subjectId(), productId));
    }

    @PostMapping("/seller/products/{productId}/show")
    String show(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId, RedirectAttributes flash,
            Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.shown",
                () -> publishing.show(user.subjectId(), productId));
    }

    @PostMapping("/seller/products/{productId}/delist")
    String delist(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.delistRequested",
                () -> publishing.requestDelist(user.subjectId(), productId, reason));
    }

    @PostMapping("/seller/products/{productId}/skus/{skuCode}/delist")
    String delistSku(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId,
            @PathVariable String skuCode, RedirectAttributes flash, Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.skuDelisted",
                () -> publishing.delistSku(user.subjectId(), ownSku(user, productId, skuCode)));
    }

    @PostMapping("/seller/products/{productId}/skus/{skuCode}/relist")
    String relistSku(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId,
            @PathVariable String skuCode, RedirectAttributes flash, Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.skuRelisted",
                () -> publishing.relistSku(user.subjectId(), ownSku(user, productId, skuCode)));
    }

    @PostMapping("/seller/products/{productId}/skus/{skuCode}/stock")
    String stock(@AuthenticationPrincipal SignedInUser user, @PathVariable long productId,
            @PathVariable String skuCode, @RequestParam(required = false) String stock, RedirectAttributes flash,
            Locale locale) {
        return own(user, productId, flash, locale, "publishing.done.stock", () -> {
            Integer count;
            try {
                count = stock == null || stock.isBlank() ? null : Integer.valueOf(stock.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid_stock",
                        "stock is a whole number, got " + stock);
            }
            publishing.setStock(user.subjectId(), ownSku(user, productId, skuCode), count);
        });
    }

    /** The seller's own draft's page; another seller's draft is "not found" before anything is tried. */
    private String ownDraft(SignedInUser user, long id) {
        publishing.application(user.subjectId(), id);
        return "redirect:/seller/products/drafts/" + id;
    }

    /** The SKU must be one of this product's (which must be the seller's). */
    private String ownSku(SignedInUser user, long productId, String skuCode) {
        publishing.product(user.subjectId(), productId);
        return catalog.sku(skuCode).filter(s -> s.productId() == productId).map(Sku::skuCode)
                .orElseThrow(() -> ApiException.notFound("SKU", skuCode));
    }

    private String own(SignedInUser user, long productId, RedirectAttributes flash, Locale locale, String doneKey,
            Runnable action) {
        publishing.product(user.subjectId(), productId); // another seller's product: 404, not a flash
        String page = "redirect:/seller/products/" + productId;
        return pages.attempt(flash, locale, page, doneKey, () -> {
            action.run();
            return page;
        });
    }
}
