package org.opengallery.marketplace.delivery;

import java.util.Locale;
import java.util.function.Supplier;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 卖家中心 > 生产接口消息 (platform.md §4.4, protocol-v2.md §8): the seller's failing calls with their 异常信息, one
 * call's request and answer as stored, and 重新启动. Another seller's call is "not found" by URL.
 */
@Controller
@ConsolePage
class SellerInterfaceMessagesPage {

    private final ProductionInterfaceMessages messages;
    private final MessageSource texts;

    SellerInterfaceMessagesPage(ProductionInterfaceMessages messages, MessageSource texts) {
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/seller/interface-messages")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("calls", messages.failures(user.subjectId()));
        return "console/interface-messages";
    }

    @GetMapping("/seller/interface-messages/{callId}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable long callId, Model model) {
        model.addAttribute("c", messages.message(user.subjectId(), new CallId(callId))
                .orElseThrow(() -> ApiException.notFound("production-interface call", Long.toString(callId))));
        model.addAttribute("operator", false);
        return "console/interface-message";
    }

    /** 重新启动: sends the call again now; a call that is not FAILED or GAVE_UP is refused with the reason. */
    @PostMapping("/seller/interface-messages/{callId}/restart")
    String restart(@AuthenticationPrincipal SignedInUser user, @PathVariable long callId, RedirectAttributes flash,
            Locale locale) {
        String page = "redirect:/seller/interface-messages/" + callId;
        return attempt(flash, locale, page, () -> {
            messages.restart(user.subjectId(), new CallId(callId));
            flash.addFlashAttribute("notice", texts.getMessage("console.calls.restarted", null, locale));
            return page;
        });
    }

    private String attempt(RedirectAttributes flash, Locale locale, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", texts.getMessage("console.error." + e.error(), null, e.getMessage(), locale));
            return back;
        }
    }
}
