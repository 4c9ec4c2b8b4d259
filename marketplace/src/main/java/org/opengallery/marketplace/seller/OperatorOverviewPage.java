package org.opengallery.marketplace.seller;

import org.opengallery.marketplace.buyer.Buyers;
import org.opengallery.marketplace.delivery.ProductionInterfaceCallLog;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.order.OrderStatus;
import org.opengallery.marketplace.order.Orders;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 运营控制台 > 总览: how many sellers, buyers and orders there are, what waits for an operator (orders being
 * processed, failing production-interface calls, unread messages) and links to the review queues.
 */
@Controller
@ConsolePage
class OperatorOverviewPage {

    private final SellerDirectory sellers;
    private final Buyers buyers;
    private final Orders orders;
    private final ProductionInterfaceCallLog calls;
    private final Notices notices;

    OperatorOverviewPage(SellerDirectory sellers, Buyers buyers, Orders orders, ProductionInterfaceCallLog calls,
            Notices notices) {
        this.sellers = sellers;
        this.buyers = buyers;
        this.orders = orders;
        this.calls = calls;
        this.notices = notices;
    }

    @GetMapping({"/operator", "/operator/"})
    String overview(Model model) {
        model.addAttribute("sellerCount", sellers.count());
        model.addAttribute("buyerCount", buyers.count());
        model.addAttribute("orderCount", orders.allOrders(org.opengallery.marketplace.order.OrderFilter.ALL, 1, 1).total());
        model.addAttribute("processingOrders", orders.countOf(null, OrderStatus.PROCESSING));
        model.addAttribute("failingCalls", calls.failingCount());
        model.addAttribute("unread", notices.unreadCount(Recipient.operators()));
        return "console/operator-home";
    }
}
