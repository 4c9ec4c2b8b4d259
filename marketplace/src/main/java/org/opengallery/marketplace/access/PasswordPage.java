package org.opengallery.marketplace.access;

import java.util.Locale;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every signed-in user — buyer, seller, a seller's sub-user, operator — changes its own password. */
@Controller
@ConsolePage
class PasswordPage {

    static final String PAGE = "redirect:/account/password";
    private final Logins logins;
    private final MessageSource texts;

    PasswordPage(Logins logins, MessageSource texts) {
        this.logins = logins;
        this.texts = texts;
    }

    @GetMapping("/account/password")
    String form() {
        return "access/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String current,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirm,
            RedirectAttributes flash, Locale locale) {
        try {
            if (password == null || !password.equals(confirm)) {
                throw ApiException.badRequest("password_mismatch", "the new password and its confirmation differ");
            }
            logins.changePassword(user.getUsername(), current, password);
            flash.addFlashAttribute("notice", texts.getMessage("account.password.changed", null, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", texts.getMessage("account.error." + e.error(), null, e.getMessage(), locale));
        }
        return PAGE;
    }
}
