package org.opengallery.marketplace.buyer;

import java.math.BigDecimal;
import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 运营控制台 > 买家: buyer search, a buyer's balance, ledger and adjustments, and the balance adjustment (调账) form.
 * An adjustment tells the buyer in the message center (and by e-mail), in the same transaction.
 */
@Controller
@ConsolePage
class OperatorBuyersPage {

    private static final int SHOWN = 200;

    private final Buyers buyers;
    private final Notices notices;
    private final MessageSource texts;
    private final TransactionTemplate transaction;

    OperatorBuyersPage(Buyers buyers, Notices notices, MessageSource texts, TransactionTemplate transaction) {
        this.buyers = buyers;
        this.notices = notices;
        this.texts = texts;
        this.transaction = transaction;
    }

    @GetMapping("/operator/buyers")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("buyers", buyers.search(q, SHOWN));
        return "console/operator-buyers";
    }

    @GetMapping("/operator/buyers/{buyerId}")
    String one(@PathVariable long buyerId, Model model) {
        Buyer buyer = buyers.buyer(buyerId).orElseThrow(() -> ApiException.notFound("buyer", Long.toString(buyerId)));
        model.addAttribute("b", buyer);
        model.addAttribute("ledger", buyers.ledger(buyerId, SHOWN));
        model.addAttribute("adjustments", buyers.adjustments(buyerId));
        return "console/operator-buyer";
    }

    @PostMapping("/operator/buyers/{buyerId}/balance")
    String adjust(@AuthenticationPrincipal SignedInUser user, @PathVariable long buyerId,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
            RedirectAttributes flash, Locale locale) {
        String page = "redirect:/operator/buyers/" + buyerId;
        BigDecimal value;
        try {
            value = new BigDecimal(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("error", texts.getMessage("console.error.invalid_adjustment", null, locale));
            return page;
        }
        try {
            BalanceAdjustment done = transaction.execute(tx -> {
                BalanceAdjustment a = buyers.adjustBalance(buyerId, value, reason, user.subjectId());
                Buyer b = buyers.buyer(buyerId).orElseThrow();
                Locale platform = Locale.SIMPLIFIED_CHINESE;
                notices.post(Recipient.buyer(buyerId), b.email(), "BALANCE_ADJUSTED",
                        texts.getMessage("console.notice.balanceAdjusted.title", null, platform),
                        texts.getMessage("console.notice.balanceAdjusted.body", new Object[] {
                                a.amount().toPlainString(), a.balanceAfter().toPlainString(), a.reason()}, platform),
                        "/buyer/services");
                return a;
            });
            flash.addFlashAttribute("notice", texts.getMessage("console.buyers.adjusted",
                    new Object[] {done.balanceBefore().toPlainString(), done.balanceAfter().toPlainString()}, locale));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", texts.getMessage("console.error." + e.error(), null, e.getMessage(), locale));
        }
        return page;
    }
}
