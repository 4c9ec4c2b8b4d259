package org.opengallery.marketplace.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.delivery.ProductionInterfaceCallLog;
import org.opengallery.marketplace.web.ConsolePage;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 卖家中心 > 订单管理: the seller's order list with platform.md §4.3's filters, its CSV export, and an order's detail
 * with the production-interface calls made for it. Everything is the signed-in seller's own: another seller's
 * order is "not found" by URL and never in the list or the export.
 */
@Controller
@ConsolePage
class SellerOrdersPage {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(OrderListing.ZONE);

    private final Orders orders;
    private final OrderListing listing;
    private final ProductionInterfaceCallLog callLog;
    private final MessageSource messages;

    SellerOrdersPage(Orders orders, OrderListing listing, ProductionInterfaceCallLog callLog, MessageSource messages) {
        this.orders = orders;
        this.listing = listing;
        this.callLog = callLog;
        this.messages = messages;
    }

    @GetMapping("/seller/orders")
    String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String type,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page, Model model) {
        OrderListing.Form form = OrderListing.Form.of(orderId, customer, null, type, mode, status, product, from, to);
        OrderPage found = orders.sellerOrders(user.subjectId(), listing.filter(form), page, PAGE_SIZE);
        model.addAttribute("form", form);
        model.addAttribute("query", form.query());
        model.addAttribute("result", found);
        model.addAttribute("rows", found.orders().stream().map(listing::row).toList());
        model.addAttribute("types", OrderType.Known.values());
        // 按需 orders are not listed (they are in the bills), so the charging-mode filter does not offer them
        model.addAttribute("modes", List.of(ChargingMode.Known.values()).stream()
                .filter(m -> m != ChargingMode.Known.ON_DEMAND).toList());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("products", orders.productsOrderedFrom(user.subjectId()).stream()
                .map(listing::product).flatMap(java.util.Optional::stream).toList());
        return "console/seller-orders";
    }

    /** The filtered list (all pages) as CSV: UTF-8 with BOM, RFC 4180, formula-safe; headers in the page's language. */
    @GetMapping("/seller/orders.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String orderId, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String type, @RequestParam(required = false) String mode,
            @RequestParam(required = false) String status, @RequestParam(required = false) String product,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
        OrderListing.Form form = OrderListing.Form.of(orderId, customer, null, type, mode, status, product, from, to);
        CsvExport csv = new CsvExport();
        csv.row(List.of("orderId", "orderLineId", "type", "mode", "status", "product", "sku", "customer", "user",
                "amount", "refunded", "created", "paid", "expires").stream()
                .map(k -> messages.getMessage("console.csv." + k, null, locale)).toList());
        for (Order o : orders.sellerOrdersToExport(user.subjectId(), listing.filter(form))) {
            OrderListing.OrderRow r = listing.row(o);
            OrderLine l = r.line();
            csv.row(List.of(o.orderId(), l.orderLineId(),
                    messages.getMessage("order.type." + o.orderType().name(), null, locale),
                    messages.getMessage("charging." + l.chargingMode().name(), null, locale),
                    messages.getMessage("order.status." + o.status().name(), null, locale),
                    r.productName(), r.skuName(), r.buyer() == null ? "" : r.buyer().name(),
                    r.buyer() == null ? "" : r.buyer().login(), l.amount().toPlainString(),
                    l.refundedAmount().toPlainString(), time(o.createTime()), time(o.paidAt()), time(l.expireTime())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("orders.csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/seller/orders/{orderId}")
    String order(@AuthenticationPrincipal SignedInUser user, @PathVariable String orderId, Model model) {
        Order order = orders.sellerOrder(user.subjectId(), orderId);
        model.addAttribute("o", order);
        model.addAttribute("rows", order.lines().stream().map(l -> listing.row(order, l)).toList());
        var buyer = listing.row(order).buyer();
        model.addAttribute("buyer", buyer);
        model.addAttribute("buyerPhone", buyer == null ? "" : OrderListing.maskPhone(buyer.mobilePhone()));
        model.addAttribute("buyerEmail", buyer == null ? "" : OrderListing.maskEmail(buyer.email()));
        model.addAttribute("calls", callLog.ofOrder(user.subjectId(), orderId));
        model.addAttribute("operator", false);
        return "console/order";
    }

    private static String time(Instant t) {
        return t == null ? "" : CSV_TIME.format(t);
    }
}
