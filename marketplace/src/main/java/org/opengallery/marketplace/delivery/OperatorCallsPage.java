package org.opengallery.marketplace.delivery;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opengallery.marketplace.delivery.ProductionInterfaceCallLog.CallFilter;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.SellerDirectory;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 运营控制台 > 生产接口调用: every production-interface call of every seller, searchable by order id, seller (name,
 * login or id), status and activity, with its 异常信息; a call's detail shows the request and answer as stored.
 */
@Controller
@ConsolePage
class OperatorCallsPage {

    private static final int PAGE_SIZE = 30;

    private final ProductionInterfaceCallLog log;
    private final SellerDirectory directory;
    private final Sellers sellers;

    OperatorCallsPage(ProductionInterfaceCallLog log, SellerDirectory directory, Sellers sellers) {
        this.log = log;
        this.directory = directory;
        this.sellers = sellers;
    }

    @GetMapping("/operator/calls")
    String list(@RequestParam(required = false) String orderId, @RequestParam(required = false) String seller,
            @RequestParam(required = false) String status, @RequestParam(required = false) String activity,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String s = seller == null ? "" : seller.strip();
        Set<Long> sellerIds = s.isEmpty() ? null
                : directory.search(s, 5_000).stream().map(Seller::id).collect(Collectors.toSet());
        CallStatus st = Arrays.stream(CallStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
        Activity act = Arrays.stream(Activity.values()).filter(x -> x.name().equals(activity)).findFirst().orElse(null);
        ProductionInterfaceCallLog.CallPage found = log.search(new CallFilter(orderId, sellerIds, st, act), page, PAGE_SIZE);
        Map<Long, String> names = found.calls().stream().map(ProductionInterfaceCallLog.InterfaceCall::sellerId)
                .distinct().collect(Collectors.toMap(Function.identity(),
                        id -> sellers.seller(id).map(Seller::name).orElse("#" + id)));
        model.addAttribute("result", found);
        model.addAttribute("sellerNames", names);
        model.addAttribute("orderId", orderId == null ? "" : orderId.strip());
        model.addAttribute("seller", s);
        model.addAttribute("status", st == null ? "" : st.name());
        model.addAttribute("activity", act == null ? "" : act.name());
        model.addAttribute("statuses", CallStatus.values());
        model.addAttribute("activities", Activity.values());
        model.addAttribute("query", query(orderId, s, st, act));
        return "console/operator-calls";
    }

    @GetMapping("/operator/calls/{callId}")
    String one(@PathVariable long callId, Model model) {
        ProductionInterfaceCallLog.InterfaceCall call = log.call(callId)
                .orElseThrow(() -> ApiException.notFound("production-interface call", Long.toString(callId)));
        model.addAttribute("c", call.message());
        model.addAttribute("sellerName", sellers.seller(call.sellerId()).map(Seller::name).orElse("#" + call.sellerId()));
        model.addAttribute("operator", true);
        return "console/interface-message";
    }

    private static String query(String orderId, String seller, CallStatus status, Activity activity) {
        StringBuilder q = new StringBuilder();
        append(q, "orderId", orderId);
        append(q, "seller", seller);
        append(q, "status", status == null ? null : status.name());
        append(q, "activity", activity == null ? null : activity.name());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
