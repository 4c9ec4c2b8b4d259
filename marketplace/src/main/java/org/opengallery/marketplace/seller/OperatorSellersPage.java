package org.opengallery.marketplace.seller;

import java.util.List;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 运营控制台 > 服务商: seller search by name, login, e-mail or id, with where each stands in onboarding. */
@Controller
@ConsolePage
class OperatorSellersPage {

    private static final int SHOWN = 200;

    /** One row: the seller and its onboarding standing. */
    record SellerRow(Seller seller, SellerStanding.Standing standing, SellerDirectory.KeyStatus keys) {}

    private final SellerDirectory directory;
    private final SellerStanding standing;

    OperatorSellersPage(SellerDirectory directory, SellerStanding standing) {
        this.directory = directory;
        this.standing = standing;
    }

    @GetMapping("/operator/sellers")
    String list(@RequestParam(required = false) String q, Model model) {
        List<SellerRow> rows = directory.search(q, SHOWN).stream()
                .map(s -> new SellerRow(s, standing.of(s.id()), directory.keyStatus(s.id()))).toList();
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("sellers", rows);
        return "console/operator-sellers";
    }
}
