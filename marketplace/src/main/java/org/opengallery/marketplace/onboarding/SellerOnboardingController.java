package org.opengallery.marketplace.onboarding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.onboarding.CertificationForm.TaxpayerType;
import org.opengallery.marketplace.seller.SellerStanding;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller center's 商家入驻 and 商业信息认证 pages. Everything is the signed-in seller's own: its application, its
 * files, its agreements and certifications; nothing here takes another seller's id.
 */
@Controller
@ConsolePage
class SellerOnboardingController {

    private final Onboarding onboarding;
    private final Certifications certifications;
    private final SellerStanding standing;
    private final PageMessages pages;

    SellerOnboardingController(Onboarding onboarding, Certifications certifications, SellerStanding standing,
            PageMessages pages) {
        this.onboarding = onboarding;
        this.certifications = certifications;
        this.standing = standing;
        this.pages = pages;
    }

    // ---- 商家入驻 ------------------------------------------------------------------------------------------------

    @GetMapping("/seller/onboarding")
    String application(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) ApplicantType type, Model model) {
        var application = onboarding.application(user.subjectId());
        ApplicationForm form = application.map(Application::form)
                .orElseGet(() -> ApplicationForm.blank(type == null ? ApplicantType.ENTERPRISE : type));
        if (type != null && application.map(a -> a.status().editable()).orElse(true)) {
            form = new ApplicationForm(type, form.companyName(), form.website(), form.businessYears(),
                    form.employeeScale(), form.registeredCapital(), form.contactName(), form.contactPhone(),
                    form.contactEmail(), form.country(), form.province(), form.city(), form.addressLine(),
                    form.postcode(), form.servicePhone(), form.serviceEmail(), form.introduction(),
                    form.agreementAccepted());
        }
        model.addAttribute("current", application.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("editable", application.map(a -> a.status().editable()).orElse(true));
        model.addAttribute("businessYears", ApplicationRules.BUSINESS_YEARS);
        model.addAttribute("employeeScales", ApplicationRules.EMPLOYEE_SCALES);
        model.addAttribute("slaDays", WorkingDays.ONBOARDING_REVIEW);
        model.addAttribute("standing", standing.of(user.subjectId()));
        return "onboarding/application";
    }

    @PostMapping("/seller/onboarding")
    String save(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> fields,
            @RequestParam(required = false) MultipartFile logo, @RequestParam(required = false) MultipartFile licence,
            @RequestParam(defaultValue = "draft") String action, RedirectAttributes flash, Locale locale) {
        boolean submit = "submit".equals(action);
        ApplicationForm form = form(fields);
        return pages.attempt(flash, locale, "redirect:/seller/onboarding", () -> {
            if (submit) {
                onboarding.submit(user.subjectId(), form, logo, licence);
                flash.addFlashAttribute("notice", pages.text("onboarding.application.submitted", locale));
            } else {
                onboarding.saveDraft(user.subjectId(), form, logo, licence);
                flash.addFlashAttribute("notice", pages.text("onboarding.application.saved", locale));
            }
            return "redirect:/seller/onboarding";
        });
    }

    /** The form as posted; a missing field is empty (an unticked checkbox sends nothing). */
    private static ApplicationForm form(Map<String, String> p) {
        ApplicantType type = "INDIVIDUAL".equals(p.get("applicantType")) ? ApplicantType.INDIVIDUAL : ApplicantType.ENTERPRISE;
        return new ApplicationForm(type, p.get("companyName"), p.get("website"), p.get("businessYears"),
                p.get("employeeScale"), p.get("registeredCapital"), p.get("contactName"), p.get("contactPhone"),
                p.get("contactEmail"), p.get("country"), p.get("province"), p.get("city"), p.get("addressLine"),
                p.get("postcode"), p.get("servicePhone"), p.get("serviceEmail"), p.get("introduction"),
                "true".equals(p.get("agreementAccepted")));
    }

    /** The seller's own logo or licence; any other file id is not found. */
    @GetMapping("/seller/onboarding/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInUser user, @PathVariable long fileId) {
        Application a = onboarding.application(user.subjectId())
                .orElseThrow(() -> ApiException.notFound("file", Long.toString(fileId)));
        StoredFile f = onboarding.file(a, fileId);
        return PageMessages.file(f, onboarding.content(f));
    }

    // ---- 协议签署 and 商业信息认证 ------------------------------------------------------------------------------------

    /** One signed entity's row on the certification page. */
    record EntityRow(ContractingEntity entity, Agreement agreement, Certification certification) {}

    @GetMapping("/seller/certification")
    String certification(@AuthenticationPrincipal SignedInUser user, Model model) {
        long seller = user.subjectId();
        var application = onboarding.application(seller);
        boolean approved = application.map(a -> a.status() == ApplicationStatus.APPROVED).orElse(false);
        List<EntityRow> rows = java.util.Arrays.stream(ContractingEntity.values())
                .map(e -> new EntityRow(e, certifications.agreement(seller, e).orElse(null),
                        certifications.certification(seller, e).orElse(null)))
                .toList();
        model.addAttribute("approved", approved);
        model.addAttribute("entityName", application.map(a -> a.form().companyName()).orElse(""));
        model.addAttribute("rows", rows);
        model.addAttribute("taxpayerTypes", TaxpayerType.values());
        model.addAttribute("attempts", Certifications.ATTEMPTS);
        model.addAttribute("standing", standing.of(seller));
        return "onboarding/certification";
    }

    @PostMapping("/seller/certification/{entity}/agreement")
    String sign(@AuthenticationPrincipal SignedInUser user, @PathVariable ContractingEntity entity,
            @RequestParam(required = false) boolean agree, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/seller/certification", () -> {
            if (!agree) {
                throw ApiException.badRequest("certification_tick_agreement", "tick the agreement to sign it");
            }
            certifications.sign(user.subjectId(), entity, user.getUsername());
            flash.addFlashAttribute("notice", pages.text("onboarding.agreement.signed", locale));
            return "redirect:/seller/certification";
        });
    }

    @PostMapping("/seller/certification/{entity}")
    String certify(@AuthenticationPrincipal SignedInUser user, @PathVariable ContractingEntity entity,
            @ModelAttribute CertificationForm form, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/seller/certification", () -> {
            certifications.submit(user.subjectId(), entity, form);
            flash.addFlashAttribute("notice", pages.text("onboarding.certification.sent", locale));
            return "redirect:/seller/certification";
        });
    }

    @PostMapping("/seller/certification/{entity}/amount")
    String amount(@AuthenticationPrincipal SignedInUser user, @PathVariable ContractingEntity entity,
            @RequestParam(required = false) String amount, RedirectAttributes flash, Locale locale) {
        return pages.attempt(flash, locale, "redirect:/seller/certification", () -> {
            var outcome = certifications.verify(user.subjectId(), entity, amount);
            switch (outcome.status()) {
                case CERTIFIED -> flash.addFlashAttribute("notice", pages.text("onboarding.certification.done", locale));
                case LOCKED -> flash.addFlashAttribute("error", pages.text("onboarding.certification.lockedNow", locale));
                default -> flash.addFlashAttribute("error",
                        pages.text("onboarding.certification.wrong", locale, outcome.attemptsLeft()));
            }
            return "redirect:/seller/certification";
        });
    }
}
