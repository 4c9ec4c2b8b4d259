package org.opengallery.marketplace.integration;

import java.util.Arrays;
import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.marketplace.web.ApiException;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 生产地址管理 ({@code /seller/addresses}: add, list, verify) and 应用接入调试 ({@code /seller/addresses/{id}/debug}: run a
 * scenario with testFlag=1, see the exact request and answer, save a passing run as the scenario's case). Addresses
 * are looked up by the signed-in seller, so another seller's address id is "not found".
 */
@Controller
@ConsolePage
class AddressesController {

    private static final int RECENT_RUNS = 10;

    private final ProductionAddresses addresses;
    private final MessageSource messages;

    AddressesController(ProductionAddresses addresses, MessageSource messages) {
        this.addresses = addresses;
        this.messages = messages;
    }

    @GetMapping("/seller/addresses")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("addresses", addresses.addresses(user.subjectId()));
        model.addAttribute("versions", InterfaceVersion.values());
        return "integration/addresses";
    }

    @PostMapping("/seller/addresses")
    String add(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String url,
            @RequestParam(required = false) String version, @RequestParam(required = false) String existingKey,
            RedirectAttributes flash, Locale locale) {
        return Attempts.attempt(messages, flash, locale, "redirect:/seller/addresses", () -> {
            ProductionAddresses.Added added = addresses.add(user.subjectId(), url, parseVersion(version), existingKey);
            flash.addFlashAttribute("notice", messages.getMessage(added.keyCreated()
                    ? "integration.addresses.added.keyCreated" : "integration.addresses.added", null, locale));
            return "redirect:/seller/addresses";
        });
    }

    @PostMapping("/seller/addresses/{id}/verify")
    String verify(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        ProductionAddress verified = addresses.verify(user.subjectId(), id);
        if (verified.verified()) {
            flash.addFlashAttribute("notice", messages.getMessage("integration.addresses.verified", null, locale));
        } else {
            flash.addFlashAttribute("error", messages.getMessage("integration.addresses.verifyFailed",
                    new Object[] {verified.statusReason()}, locale));
        }
        return "redirect:/seller/addresses";
    }

    @GetMapping("/seller/addresses/{id}/debug")
    String debug(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) Long run, Model model) {
        model.addAttribute("address", addresses.address(user.subjectId(), id));
        model.addAttribute("scenarios", Scenario.values());
        model.addAttribute("run", run == null ? null : addresses.run(user.subjectId(), id, run));
        model.addAttribute("cases", addresses.cases(user.subjectId(), id));
        model.addAttribute("runs", addresses.runs(user.subjectId(), id, RECENT_RUNS));
        return "integration/debug";
    }

    @PostMapping("/seller/addresses/{id}/debug")
    String runCase(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @RequestParam(required = false) String scenario, @RequestParam(required = false) String instanceId,
            RedirectAttributes flash, Locale locale) {
        String back = "redirect:/seller/addresses/" + id + "/debug";
        return Attempts.attempt(messages, flash, locale, back, () -> {
            DebugRun run = addresses.debug(user.subjectId(), id, parseScenario(scenario), instanceId);
            return back + "?run=" + run.id();
        });
    }

    @PostMapping("/seller/addresses/{id}/debug/runs/{runId}/save")
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long runId,
            RedirectAttributes flash, Locale locale) {
        String back = "redirect:/seller/addresses/" + id + "/debug";
        return Attempts.attempt(messages, flash, locale, back + "?run=" + runId, () -> {
            addresses.save(user.subjectId(), id, runId);
            flash.addFlashAttribute("notice", messages.getMessage("integration.debug.saved", null, locale));
            return back;
        });
    }

    private static InterfaceVersion parseVersion(String version) {
        return Arrays.stream(InterfaceVersion.values()).filter(v -> v.name().equals(version)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("invalid_interface_version", "choose the interface version: V1 or V2"));
    }

    private static Scenario parseScenario(String scenario) {
        return Arrays.stream(Scenario.values()).filter(s -> s.name().equals(scenario)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("invalid_scenario", "choose a scenario to debug"));
    }
}
