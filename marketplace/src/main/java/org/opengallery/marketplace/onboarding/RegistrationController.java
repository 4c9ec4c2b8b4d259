package org.opengallery.marketplace.onboarding;

import java.util.Locale;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 卖家注册: anyone may open a seller account; it then signs in and applies for onboarding. */
@Controller
@ConsolePage
class RegistrationController {

    private final Onboarding onboarding;
    private final PageMessages pages;

    RegistrationController(Onboarding onboarding, PageMessages pages) {
        this.onboarding = onboarding;
        this.pages = pages;
    }

    @GetMapping("/register/seller")
    String form() {
        return "onboarding/register";
    }

    @PostMapping("/register/seller")
    String register(@RequestParam(required = false) String login, @RequestParam(required = false) String password,
            @RequestParam(required = false) String sellerName, @RequestParam(required = false) String email,
            RedirectAttributes flash, Locale locale) {
        flash.addFlashAttribute("login", login);
        flash.addFlashAttribute("sellerName", sellerName);
        flash.addFlashAttribute("email", email);
        return pages.attempt(flash, locale, "redirect:/register/seller", () -> {
            onboarding.register(login, password, sellerName, email);
            flash.addFlashAttribute("notice", pages.text("onboarding.register.done", locale));
            return "redirect:/login";
        });
    }
}
