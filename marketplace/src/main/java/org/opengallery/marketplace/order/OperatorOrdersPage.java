package org.opengallery.marketplace.order;

import org.opengallery.marketplace.delivery.ProductionInterfaceCallLog;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.opengallery.protocol.message.order.ChargingMode;
import org.opengallery.protocol.message.order.OrderType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 运营控制台 > 订单: every order of every seller (pay-per-use included), searchable by order id, buyer and seller
 * and filtered like the seller's list; an order's detail shows all its lines and every production-interface call.
 */
@Controller
@ConsolePage
class OperatorOrdersPage {

    private final Orders orders;
    private final OrderListing listing;
    private final ProductionInterfaceCallLog callLog;

    OperatorOrdersPage(Orders orders, OrderListing listing, ProductionInterfaceCallLog callLog) {
        this.orders = orders;
        this.listing = listing;
        this.callLog = callLog;
    }

    @GetMapping("/operator/orders")
    String list(@RequestParam(required = false) String orderId, @RequestParam(required = false) String customer,
            @RequestParam(required = false) String seller, @RequestParam(required = false) String type,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        OrderListing.Form form = OrderListing.Form.of(orderId, customer, seller, type, mode, status, null, from, to);
        OrderPage found = orders.allOrders(listing.filter(form), page, SellerOrdersPage.PAGE_SIZE);
        model.addAttribute("form", form);
        model.addAttribute("query", form.query());
        model.addAttribute("result", found);
        model.addAttribute("rows", found.orders().stream().map(listing::row).toList());
        model.addAttribute("types", OrderType.Known.values());
        model.addAttribute("modes", ChargingMode.Known.values());
        model.addAttribute("statuses", OrderStatus.values());
        return "console/operator-orders";
    }

    @GetMapping("/operator/orders/{orderId}")
    String order(@PathVariable String orderId, Model model) {
        Order order = orders.order(orderId).orElseThrow(() -> ApiException.notFound("order", orderId));
        model.addAttribute("o", order);
        model.addAttribute("rows", order.lines().stream().map(l -> listing.row(order, l)).toList());
        var buyer = listing.row(order).buyer();
        model.addAttribute("buyer", buyer);
        model.addAttribute("buyerPhone", buyer == null ? "" : buyer.mobilePhone());
        model.addAttribute("buyerEmail", buyer == null ? "" : buyer.email());
        model.addAttribute("calls", callLog.ofOrder(orderId).stream().map(ProductionInterfaceCallLog.InterfaceCall::message)
                .toList());
        model.addAttribute("operator", true);
        return "console/order";
    }
}
