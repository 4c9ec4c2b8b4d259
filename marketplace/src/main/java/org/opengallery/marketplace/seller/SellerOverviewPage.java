package org.opengallery.marketplace.seller;

import java.time.ZoneId;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.delivery.ProductionInterfaceCallLog;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.order.OrderStatus;
import org.opengallery.marketplace.order.Orders;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 卖家中心 > 总览 (platform.md §0): the merchant's name and Key status, where onboarding stands (入驻, 服务协议签署,
 * 商业信息认证), the last 12 months' paid orders and amount by month, and the to-dos: failing production-interface
 * calls, orders being processed, unread messages, the next onboarding step.
 */
@Controller
@ConsolePage
class SellerOverviewPage {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Sellers sellers;
    private final SellerDirectory directory;
    private final SellerStanding standing;
    private final Orders orders;
    private final ProductionInterfaceCallLog calls;
    private final Notices notices;

    SellerOverviewPage(Sellers sellers, SellerDirectory directory, SellerStanding standing, Orders orders,
            ProductionInterfaceCallLog calls, Notices notices) {
        this.sellers = sellers;
        this.directory = directory;
        this.standing = standing;
        this.orders = orders;
        this.calls = calls;
        this.notices = notices;
    }

    @GetMapping({"/seller", "/seller/"})
    String overview(@AuthenticationPrincipal SignedInUser user, Model model) {
        long id = user.subjectId();
        Seller seller = sellers.seller(id).orElseThrow(() -> ApiException.notFound("seller", Long.toString(id)));
        var sales = orders.sales(id, ZONE);
        model.addAttribute("seller", seller);
        model.addAttribute("keys", directory.keyStatus(id));
        model.addAttribute("standing", standing.of(id));
        model.addAttribute("sales", sales);
        model.addAttribute("maxMonthAmount", sales.months().stream().map(m -> m.amount())
                .max(java.math.BigDecimal::compareTo).orElse(java.math.BigDecimal.ZERO));
        model.addAttribute("failingCalls", calls.failingCount(id));
        model.addAttribute("processingOrders", orders.countOf(id, OrderStatus.PROCESSING));
        model.addAttribute("unread", notices.unreadCount(Recipient.seller(id)));
        return "console/seller-home";
    }
}
