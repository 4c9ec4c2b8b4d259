package org.opengallery.marketplace.onboarding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 子用户管理 at {@code /seller/users}: the seller's main login adds sub-users, sets their pages, removes them. */
@Controller
@ConsolePage
class SubUsersController {

    private final SubUsers subUsers;
    private final PageMessages pages;

    SubUsersController(SubUsers subUsers, PageMessages pages) {
        this.subUsers = subUsers;
        this.pages = pages;
    }

    @GetMapping("/seller/users")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        mainLogin(user);
        model.addAttribute("users", subUsers.of(user.subjectId()));
        model.addAttribute("pages", SellerPage.values());
        model.addAttribute("max", SubUsers.MAX);
        return "onboarding/users";
    }

    @PostMapping("/seller/users")
    String add(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String login,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) List<String> permissions, RedirectAttributes flash, Locale locale) {
        mainLogin(user);
        return pages.attempt(flash, locale, "redirect:/seller/users", () -> {
            subUsers.add(user.subjectId(), login, password, pages(permissions));
            flash.addFlashAttribute("notice", pages.text("onboarding.users.added", locale));
            return "redirect:/seller/users";
        });
    }

    @PostMapping("/seller/users/{login}/permissions")
    String permit(@AuthenticationPrincipal SignedInUser user, @PathVariable String login,
            @RequestParam(required = false) List<String> permissions, RedirectAttributes flash, Locale locale) {
        mainLogin(user);
        own(user, login);
        subUsers.permit(user.subjectId(), login, pages(permissions));
        flash.addFlashAttribute("notice", pages.text("onboarding.users.saved", locale));
        return "redirect:/seller/users";
    }

    @PostMapping("/seller/users/{login}/remove")
    String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String login, RedirectAttributes flash,
            Locale locale) {
        mainLogin(user);
        own(user, login);
        subUsers.remove(user.subjectId(), login);
        flash.addFlashAttribute("notice", pages.text("onboarding.users.removed", locale));
        return "redirect:/seller/users";
    }

    /** The interceptor already keeps sub-users out; this says so again where it matters most. */
    private static void mainLogin(SignedInUser user) {
        if (user.subUser()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "only the seller's main login manages sub-users");
        }
    }

    private void own(SignedInUser user, String login) {
        subUsers.of(user.subjectId(), login).orElseThrow(() -> ApiException.notFound("sub-user", login));
    }

    private static List<SellerPage> pages(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(SellerPage::ofCode).flatMap(Optional::stream).toList();
    }
}
