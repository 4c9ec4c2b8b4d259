package org.opengallery.marketplace.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.catalog.AccessType;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.delivery.OrderNotificationSettings.Scope;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 卖家中心 > 订单通知 (platform.md §4.5): the seller's order-notification addresses, and which access types (接入类型)
 * and products (按商品) each one serves. All access types but 镜像类 (IMAGE) can be linked. A product linked itself
 * wins over its access type's link, and each order is notified once; one access type or product serves one address
 * only (unlink it to move it). Everything is the signed-in seller's own: another seller's address is "not found",
 * and only the seller's own products can be linked.
 */
@Controller
@ConsolePage
class OrderNotificationsPage {

    private static final String PAGE = "redirect:/seller/order-notifications";
    /** Every access type except 镜像类: images are not notified (platform.md §4.5). */
    static final List<AccessType> NOTIFIED_TYPES = Arrays.stream(AccessType.values())
            .filter(t -> t != AccessType.IMAGE).toList();

    private final OrderNotificationSettings settings;
    private final Catalog catalog;
    private final MessageSource texts;

    OrderNotificationsPage(OrderNotificationSettings settings, Catalog catalog, MessageSource texts) {
        this.settings = settings;
        this.catalog = catalog;
        this.texts = texts;
    }

    @GetMapping("/seller/order-notifications")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        long seller = user.subjectId();
        List<OrderNotificationSettings.Address> addresses = settings.addresses(seller);
        // the products the seller can link: those on sale, and any already linked (to show their names)
        Map<Long, Product> products = new LinkedHashMap<>();
        catalog.listedProducts().stream().map(l -> l.product()).filter(p -> p.sellerId() == seller)
                .forEach(p -> products.put(p.id(), p));
        addresses.stream().flatMap(a -> a.productIds().stream()).forEach(id -> parseId(id)
                .flatMap(catalog::product).filter(p -> p.sellerId() == seller).ifPresent(p -> products.put(p.id(), p)));
        Map<String, String> productNames = new LinkedHashMap<>();
        products.values().forEach(p -> productNames.put(Long.toString(p.id()), p.name()));
        model.addAttribute("addresses", addresses);
        model.addAttribute("products", products.values());
        model.addAttribute("productNames", productNames);
        model.addAttribute("accessTypes", NOTIFIED_TYPES);
        model.addAttribute("versions", SellerEndpoint.InterfaceVersion.values());
        return "console/order-notifications";
    }

    @PostMapping("/seller/order-notifications/addresses")
    String add(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String url,
            @RequestParam(required = false) String key, @RequestParam(required = false) String version,
            RedirectAttributes flash, Locale locale) {
        return attempt(flash, locale, () -> {
            String address = address(url);
            if (key == null || key.length() < 16 || key.length() > 256 || key.chars().anyMatch(Character::isWhitespace)) {
                throw ApiException.badRequest("invalid_notify_key",
                        "the key is 16 to 256 characters without blanks: the key bound to this address");
            }
            SellerEndpoint.InterfaceVersion v = "V1".equals(version) ? SellerEndpoint.InterfaceVersion.V1
                    : SellerEndpoint.InterfaceVersion.V2;
            settings.addAddress(user.subjectId(), address, v, key);
            flash.addFlashAttribute("notice", texts.getMessage("console.notify.added", null, locale));
        });
    }

    @PostMapping("/seller/order-notifications/addresses/{addressId}/delete")
    String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long addressId, RedirectAttributes flash,
            Locale locale) {
        if (!settings.removeAddress(user.subjectId(), addressId)) {
            throw ApiException.notFound("order-notification address", Long.toString(addressId));
        }
        flash.addFlashAttribute("notice", texts.getMessage("console.notify.removed", null, locale));
        return PAGE;
    }

    /** Links an access type ({@code scope=ACCESS_TYPE}, {@code accessType}) or a product ({@code PRODUCT}, {@code productId}). */
    @PostMapping("/seller/order-notifications/addresses/{addressId}/links")
    String link(@AuthenticationPrincipal SignedInUser user, @PathVariable long addressId,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String accessType,
            @RequestParam(required = false) String productId, RedirectAttributes flash, Locale locale) {
        return attempt(flash, locale, () -> {
            if ("PRODUCT".equals(scope)) {
                Product p = parseId(productId).flatMap(catalog::product).filter(x -> x.sellerId() == user.subjectId())
                        .orElseThrow(() -> ApiException.badRequest("invalid_notify_product",
                                "choose one of your products to link"));
                settings.link(user.subjectId(), addressId, Scope.PRODUCT, Long.toString(p.id()));
            } else {
                AccessType type = NOTIFIED_TYPES.stream().filter(t -> t.name().equals(accessType)).findFirst()
                        .orElseThrow(() -> ApiException.badRequest("invalid_notify_access_type",
                                "choose an access type to link (image products are not notified)"));
                settings.link(user.subjectId(), addressId, Scope.ACCESS_TYPE, type.name());
            }
            flash.addFlashAttribute("notice", texts.getMessage("console.notify.linked", null, locale));
        });
    }

    @PostMapping("/seller/order-notifications/unlink")
    String unlink(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String value, RedirectAttributes flash, Locale locale) {
        Scope s = "PRODUCT".equals(scope) ? Scope.PRODUCT : Scope.ACCESS_TYPE;
        if (value == null || !settings.unlink(user.subjectId(), s, value)) {
            throw ApiException.notFound("order-notification link", String.valueOf(value));
        }
        flash.addFlashAttribute("notice", texts.getMessage("console.notify.unlinked", null, locale));
        return PAGE;
    }

    /** An address is an absolute http(s) URL naming a host (platform.md §4.5: https://域名+端口/path). */
    static String address(String url) {
        if (url == null || url.isBlank() || url.length() > 1024) {
            throw ApiException.badRequest("invalid_notify_url", "enter the notification address, e.g. https://www.isvwebsite.com/saasproduce");
        }
        try {
            URI uri = new URI(url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ApiException.badRequest("invalid_notify_url",
                        "the address must start with https:// (or http://) and name a host, got " + url);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("invalid_notify_url", "the address is not a URL: " + url);
        }
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(Long.valueOf(id.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private String attempt(RedirectAttributes flash, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", texts.getMessage("console.error." + e.error(), null, e.getMessage(), locale));
        }
        return PAGE;
    }
}
