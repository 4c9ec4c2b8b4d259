package org.opengallery.marketplace.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.buyer.BuyerAgreements;
import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.catalog.Catalog;
import org.opengallery.marketplace.catalog.PeriodType;
import org.opengallery.marketplace.catalog.Product;
import org.opengallery.marketplace.catalog.Sku;
import org.opengallery.marketplace.instance.Instance;
import org.opengallery.marketplace.instance.InstanceStatus;
import org.opengallery.marketplace.instance.Instances;
import org.opengallery.marketplace.order.Order;
import org.opengallery.marketplace.order.OrderStatus;
import org.opengallery.marketplace.order.Orders;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 买家中心: buying (the product page's form posts here), 已购买的服务 (instances, their resource details, renew, 转商用,
 * upgrade, unsubscribe) and 我的订单 (filters, pay, cancel). Everything is the signed-in buyer's own: another
 * buyer's order or instance is "not found", whatever its id.
 */
@Controller
@ConsolePage
class BuyerCenterController {

    private final Orders orders;
    private final Instances instances;
    private final Catalog catalog;
    private final Buyers buyers;
    private final MessageSource messages;
    private final BuyerAgreements agreements;

    BuyerCenterController(Orders orders, Instances instances, Catalog catalog, Buyers buyers, MessageSource messages,
            BuyerAgreements agreements) {
        this.agreements = agreements;
        this.orders = orders;
        this.instances = instances;
        this.catalog = catalog;
        this.buyers = buyers;
        this.messages = messages;
    }

    @GetMapping({"/buyer", "/buyer/"})
    String center() {
        return "redirect:/buyer/services";
    }

    /** Signing in from a product page comes back to it. */
    @GetMapping("/buyer/buy/{productId}")
    String buy(@PathVariable long productId) {
        return "redirect:/products/" + productId;
    }

    // ---- buying --------------------------------------------------------------------------------------------------

    @PostMapping("/buyer/orders")
    String place(@AuthenticationPrincipal SignedInUser user, @RequestParam long productId,
            @RequestParam(required = false) String skuCode, @RequestParam(required = false) String purchase,
            @RequestParam(required = false) Integer periodNumber,
            @RequestParam(required = false) boolean agreeUserAgreement,
            @RequestParam(required = false) boolean agreeServiceAgreement, RedirectAttributes flash, Locale locale) {
        String back = "redirect:/products/" + productId;
        if (!agreeUserAgreement || !agreeServiceAgreement) {
            flash.addFlashAttribute("error", messages.getMessage("buy.error.agreements", null, locale));
            return back;
        }
        Optional<Sku> sku = catalog.sku(skuCode).filter(s -> s.productId() == productId);
        if (sku.isEmpty()) {
            flash.addFlashAttribute("error", messages.getMessage("buy.error.sku", null, locale));
            return back;
        }
        String choice = purchase == null ? "" : purchase;
        boolean period = sku.get().chargingMode() == ChargingMode.Known.PERIOD;
        boolean trial = "trial".equals(choice);
        if (period && !trial && !"month".equals(choice) && !"year".equals(choice)) {
            flash.addFlashAttribute("error", messages.getMessage("buy.error.period", null, locale));
            return back;
        }
        String periodType = period && !trial ? choice : null;
        Integer number = period && !trial ? periodNumber : null;
        return attempt(flash, locale, back, () -> {
            Order placed = orders.placeNew(user.subjectId(), sku.get().skuCode(), periodType, number, trial);
            agreements.signedWithOrder(user.subjectId(), placed.orderId(), productId,
                    catalog.product(productId).map(Product::name).orElse(""));
            return "redirect:/buyer/orders/" + placed.orderId();
        });
    }

    // ---- 已购买的服务 ------------------------------------------------------------------------------------------

    /** One row of 已购买的服务. */
    record ServiceRow(Instance instance, String productName, String skuName) {}

    @GetMapping("/buyer/services")
    String services(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<ServiceRow> rows = instances.ofBuyer(user.subjectId()).stream()
                .sorted((a, b) -> Long.compare(b.key(), a.key()))
                .map(this::row).toList();
        model.addAttribute("services", rows);
        model.addAttribute("balance", buyers.balance(user.subjectId()));
        return "buyer/services";
    }

    @GetMapping("/buyer/services/{key}")
    String service(@AuthenticationPrincipal SignedInUser user, @PathVariable long key, Model model) {
        Instance instance = own(user, key);
        Sku sku = catalog.sku(instance.skuCode()).orElseThrow();
        ServiceRow row = row(instance);
        boolean live = instance.status() == InstanceStatus.RUNNING || instance.status() == InstanceStatus.FROZEN;
        boolean period = instance.chargingMode() == ChargingMode.Known.PERIOD;
        model.addAttribute("service", row);
        model.addAttribute("i", instance);
        model.addAttribute("sku", sku);
        model.addAttribute("renewable", live && period && instance.instanceId() != null);
        model.addAttribute("periods", Arrays.stream(PeriodType.values()).filter(p -> sku.price(p).isPresent())
                .map(PeriodType::code).toList());
        List<Sku> upgrades = instance.status() == InstanceStatus.RUNNING && period && !instance.trial()
                ? catalog.skus(instance.catalogProductId()).stream()
                        .filter(s -> !s.skuCode().equals(sku.skuCode()) && s.chargingMode() == ChargingMode.Known.PERIOD
                                && instance.periodType() != null && s.price(instance.periodType()).isPresent()
                                && sku.price(instance.periodType()).isPresent()
                                && s.price(instance.periodType()).get().amount()
                                        .compareTo(sku.price(instance.periodType()).get().amount()) > 0)
                        .toList()
                : List.of();
        model.addAttribute("upgrades", upgrades);
        model.addAttribute("unsubscribable", live && instance.instanceId() != null);
        model.addAttribute("policyEditable", instance.mayAutoRenew());
        return "buyer/service";
    }

    @PostMapping("/buyer/services/{key}/renew")
    String renew(@AuthenticationPrincipal SignedInUser user, @PathVariable long key,
            @RequestParam(required = false) String periodType, @RequestParam(required = false) Integer periodNumber,
            RedirectAttributes flash, Locale locale) {
        Instance instance = own(user, key);
        return attempt(flash, locale, "redirect:/buyer/services/" + key, () -> "redirect:/buyer/orders/"
                + orders.renew(user.subjectId(), instance.instanceId(), periodType, periodNumber).orderId());
    }

    @PostMapping("/buyer/services/{key}/upgrade")
    String upgrade(@AuthenticationPrincipal SignedInUser user, @PathVariable long key,
            @RequestParam(required = false) String skuCode, RedirectAttributes flash, Locale locale) {
        Instance instance = own(user, key);
        return attempt(flash, locale, "redirect:/buyer/services/" + key, () -> "redirect:/buyer/orders/"
                + orders.upgrade(user.subjectId(), instance.instanceId(), skuCode).orderId());
    }

    /** 修改到期策略: renew automatically from the balance before expiry, or let the instance expire. */
    @PostMapping("/buyer/services/{key}/expiry-policy")
    String expiryPolicy(@AuthenticationPrincipal SignedInUser user, @PathVariable long key,
            @RequestParam(required = false) String policy, RedirectAttributes flash, Locale locale) {
        own(user, key);
        String page = "redirect:/buyer/services/" + key;
        if (!"auto-renew".equals(policy) && !"expire".equals(policy)) {
            flash.addFlashAttribute("error", messages.getMessage("service.policy.choose", null, locale));
            return page;
        }
        return attempt(flash, locale, page, () -> {
            instances.setAutoRenew(user.subjectId(), key, "auto-renew".equals(policy));
            flash.addFlashAttribute("notice", messages.getMessage("service.policy.saved", null, locale));
            return page;
        });
    }

    @PostMapping("/buyer/services/{key}/unsubscribe")
    String unsubscribe(@AuthenticationPrincipal SignedInUser user, @PathVariable long key,
            @RequestParam(required = false) boolean confirm, RedirectAttributes flash, Locale locale) {
        Instance instance = own(user, key);
        if (!confirm) {
            flash.addFlashAttribute("error", messages.getMessage("service.unsubscribe.confirmRequired", null, locale));
            return "redirect:/buyer/services/" + key;
        }
        return attempt(flash, locale, "redirect:/buyer/services/" + key, () -> "redirect:/buyer/orders/"
                + orders.unsubscribe(user.subjectId(), instance.instanceId()).orderId());
    }

    // ---- 我的协议 --------------------------------------------------------------------------------------------

    @GetMapping("/buyer/agreements")
    String agreementList(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("agreements", agreements.of(user.subjectId()));
        return "buyer/agreements";
    }

    // ---- 我的订单 --------------------------------------------------------------------------------------------

    /** One row of 我的订单, with what the order line bought. */
    record OrderRow(Order order, String productName, String skuName, Long instanceKey) {}

    @GetMapping("/buyer/orders")
    String orderList(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String type,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String status, Model model) {
        OrderType.Known t = parse(OrderType.Known.class, type);
        ChargingMode.Known m = parse(ChargingMode.Known.class, mode);
        OrderStatus s = parse(OrderStatus.class, status);
        model.addAttribute("orders", orders.ordersOf(user.subjectId(), t, m, s).stream().map(this::row).toList());
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("mode", m == null ? "" : m.name());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("types", OrderType.Known.values());
        model.addAttribute("modes", ChargingMode.Known.values());
        model.addAttribute("statuses", OrderStatus.values());
        return "buyer/orders";
    }

    @GetMapping("/buyer/orders/{orderId}")
    String order(@AuthenticationPrincipal SignedInUser user, @PathVariable String orderId, Model model) {
        Order order = orders.ownOrder(user.subjectId(), orderId);
        model.addAttribute("o", row(order));
        model.addAttribute("balance", buyers.balance(user.subjectId()));
        return "buyer/order";
    }

    @PostMapping("/buyer/orders/{orderId}/pay")
    String pay(@AuthenticationPrincipal SignedInUser user, @PathVariable String orderId, RedirectAttributes flash,
            Locale locale) {
        String page = "redirect:/buyer/orders/" + orderId;
        return attempt(flash, locale, page, () -> {
            orders.pay(user.subjectId(), orderId);
            flash.addFlashAttribute("notice", messages.getMessage("order.paid", null, locale));
            return page;
        });
    }

    @PostMapping("/buyer/orders/{orderId}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String orderId, RedirectAttributes flash,
            Locale locale) {
        String page = "redirect:/buyer/orders/" + orderId;
        return attempt(flash, locale, page, () -> {
            orders.cancel(user.subjectId(), orderId);
            flash.addFlashAttribute("notice", messages.getMessage("order.cancelled", null, locale));
            return page;
        });
    }

    // ---- inside ----------------------------------------------------------------------------------------------

    private Instance own(SignedInUser user, long key) {
        return instances.ofBuyer(user.subjectId(), key)
                .orElseThrow(() -> ApiException.notFound("instance", Long.toString(key)));
    }

    private ServiceRow row(Instance i) {
        return new ServiceRow(i, catalog.product(i.catalogProductId()).map(Product::name).orElse(""),
                catalog.sku(i.skuCode()).map(Sku::name).orElse(i.skuCode()));
    }

    private OrderRow row(Order o) {
        var line = o.line();
        Long key = line.instanceKey();
        return new OrderRow(o, catalog.product(line.catalogProductId()).map(Product::name).orElse(""),
                catalog.sku(line.skuCode()).map(Sku::name).orElse(line.skuCode()), key);
    }

    /**
     * Runs a service call; a refusal (insufficient balance, a state that does not allow it …) goes back to
     * {@code back} with the reason in the page's language when the bundle knows the code, else as the service said.
     */
    private String attempt(RedirectAttributes flash, Locale locale, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage("error." + e.error(), null, e.getMessage(), locale));
            return back;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
