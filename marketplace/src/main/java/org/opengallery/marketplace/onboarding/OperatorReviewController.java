package org.opengallery.marketplace.onboarding;

import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console's review queues: 入驻申请 (approve / reject with a reason) and 商业信息认证 (unlock after three
 * wrong amounts, approve on offline evidence, reject with a reason). {@code /operator/**} is for operators only
 * (WebSecurity), so the licence files served here are behind that check.
 */
@Controller
@ConsolePage
class OperatorReviewController {

    private final Onboarding onboarding;
    private final Certifications certifications;
    private final Sellers sellers;
    private final PageMessages pages;

    OperatorReviewController(Onboarding onboarding, Certifications certifications, Sellers sellers,
            PageMessages pages) {
        this.onboarding = onboarding;
        this.certifications = certifications;
        this.sellers = sellers;
        this.pages = pages;
    }

    @GetMapping("/operator/onboarding")
    String queue(Model model) {
        model.addAttribute("applications", onboarding.awaitingReview());
        model.addAttribute("today", onboarding.today());
        return "onboarding/operator-queue";
    }

    @GetMapping("/operator/onboarding/{id}")
    String application(@PathVariable long id, Model model) {
        Application a = onboarding.applicationById(id);
        model.addAttribute("a", a);
        model.addAttribute("f", a.form());
        model.addAttribute("seller", sellers.seller(a.sellerId()).orElse(null));
        model.addAttribute("today", onboarding.today());
        return "onboarding/operator-application";
    }

    @GetMapping("/operator/onboarding/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        StoredFile f = onboarding.file(onboarding.applicationById(id), fileId);
        return PageMessages.file(f, onboarding.content(f));
    }

    @PostMapping("/operator/onboarding/{id}/approve")
    String approve(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/onboarding/" + id, () -> {
            onboarding.approve(id, user.subjectId());
            flash.addFlashAttribute("notice", pages.text("onboarding.review.approvedNotice", locale));
            return "redirect:/operator/onboarding";
        });
    }

    @PostMapping("/operator/onboarding/{id}/reject")
    String reject(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/operator/onboarding/" + id, () -> {
            onboarding.reject(id, user.subjectId(), reason);
            flash.addFlashAttribute("notice", pages.text("onboarding.review.rejectedNotice", locale));
            return "redirect:/operator/onboarding";
        });
    }

    // ---- 商业信息认证 ----------------------------------------------------------------------------------------------

    @GetMapping("/operator/certifications")
    String certifications(Model model) {
        model.addAttribute("certifications", certifications.queue());
        return "onboarding/operator-certifications";
    }

    @GetMapping("/operator/certifications/{id}")
    String certification(@PathVariable long id, Model model) {
        Certification c = certifications.certificationById(id);
        model.addAttribute("c", c);
        model.addAttribute("seller", sellers.seller(c.sellerId()).orElse(null));
        model.addAttribute("sellerApplication", onboarding.application(c.sellerId()).orElse(null));
        return "onboarding/operator-certification";
    }

    @PostMapping("/operator/certifications/{id}/unlock")
    String unlock(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        return decide(flash, locale, id, () -> certifications.unlock(id, user.subjectId()), "onboarding.review.unlockedNotice");
    }

    @PostMapping("/operator/certifications/{id}/approve")
    String approveCertification(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            RedirectAttributes flash, Locale locale) {
        return decide(flash, locale, id, () -> certifications.approve(id, user.subjectId()), "onboarding.review.approvedNotice");
    }

    @PostMapping("/operator/certifications/{id}/reject")
    String rejectCertification(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Locale locale) {
        return decide(flash, locale, id, () -> certifications.reject(id, user.subjectId(), reason),
                "onboarding.review.rejectedNotice");
    }

    private String decide(RedirectAttributes flash, Locale locale, long id, Runnable action, String done) {
        return pages.attempt(flash, locale, "redirect:/operator/certifications/" + id, () -> {
            action.run();
            flash.addFlashAttribute("notice", pages.text(done, locale));
            return "redirect:/operator/certifications/" + id;
        });
    }
}
