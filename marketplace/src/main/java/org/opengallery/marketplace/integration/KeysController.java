package org.opengallery.marketplace.integration;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.seller.AccessKey;
import org.opengallery.marketplace.seller.InterfaceType;
import org.opengallery.marketplace.seller.OpenApiKeyPair;
import org.opengallery.marketplace.seller.Sellers;
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
 * 密钥管理 ({@code /seller/keys}): the V1 Key, V2 access keys per interface type and address, open-API AK/SK, and the
 * rotation of a key after a page naming the listed products it affects. A key leaves the server only when the seller
 * asks for it (the eye button posts, and that one answer shows it, uncached); a new SK only in the answer that created
 * it. Every key is looked up by the signed-in seller, so another seller's key id is "not found".
 */
@Controller
@ConsolePage
class KeysController {

    private final Sellers sellers;
    private final KeyRotations rotations;
    private final ProductionAddresses addresses;
    private final MessageSource messages;

    KeysController(Sellers sellers, KeyRotations rotations, ProductionAddresses addresses, MessageSource messages) {
        this.sellers = sellers;
        this.rotations = rotations;
        this.addresses = addresses;
        this.messages = messages;
    }

    @GetMapping("/seller/keys")
    String keys(@AuthenticationPrincipal SignedInUser user, Model model) {
        return page(user.subjectId(), model);
    }

    /** The eye button: the same page, with the V1 Key shown in this one answer. */
    @PostMapping("/seller/keys/v1/reveal")
    String revealV1(@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) {
        noStore(response);
        model.addAttribute("v1Key", sellers.v1Key(user.subjectId())
                .orElseThrow(() -> ApiException.notFound("V1 Key", "of seller " + user.subjectId())));
        return page(user.subjectId(), model);
    }

    @PostMapping("/seller/keys/v1")
    String issueV1(@AuthenticationPrincipal SignedInUser user, RedirectAttributes flash, Locale locale) {
        return attempt(flash, locale, () -> {
            if (sellers.v1Key(user.subjectId()).isPresent()) {
                throw ApiException.conflict("v1_key_exists", "the V1 Key exists already; rotate it to replace it");
            }
            sellers.issueV1Key(user.subjectId());
            flash.addFlashAttribute("notice", text("integration.keys.v1.issued", locale));
        });
    }

    @GetMapping("/seller/keys/v1/rotate")
    String confirmV1Rotation(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (sellers.v1Key(user.subjectId()).isEmpty()) {
            throw ApiException.notFound("V1 Key", "of seller " + user.subjectId());
        }
        model.addAttribute("what", "v1");
        model.addAttribute("products", rotations.affectedByV1Key(user.subjectId()));
        return "integration/rotate";
    }

    @PostMapping("/seller/keys/v1/rotate")
    String rotateV1(@AuthenticationPrincipal SignedInUser user, RedirectAttributes flash, Locale locale) {
        return attempt(flash, locale, () -> {
            rotations.rotateV1Key(user.subjectId());
            flash.addFlashAttribute("notice", text("integration.keys.rotated", locale));
        });
    }

    @PostMapping("/seller/keys/access")
    String createAccessKey(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String type,
            @RequestParam(required = false) Long addressId, RedirectAttributes flash, Locale locale) {
        return attempt(flash, locale, () -> {
            InterfaceType interfaceType = parseType(type);
            if (addressId == null) {
                throw ApiException.badRequest("address_required", "choose the production address the key is bound to");
            }
            String url = addresses.address(user.subjectId(), addressId).url();
            sellers.createAccessKey(user.subjectId(), interfaceType, url);
            flash.addFlashAttribute("notice", text("integration.keys.access.created", locale));
        });
    }

    @PostMapping("/seller/keys/access/{id}/reveal")
    String revealAccessKey(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model,
            HttpServletResponse response) {
        noStore(response);
        AccessKey key = rotations.ownKey(user.subjectId(), id);
        model.addAttribute("revealedKeyId", id);
        model.addAttribute("revealedKey", key.key());
        return page(user.subjectId(), model);
    }

    @GetMapping("/seller/keys/access/{id}/rotate")
    String confirmAccessKeyRotation(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        AccessKey key = rotations.ownKey(user.subjectId(), id);
        model.addAttribute("what", "access");
        model.addAttribute("keyId", id);
        model.addAttribute("key", key);
        model.addAttribute("products", rotations.affectedByAccessKey(user.subjectId(), id));
        return "integration/rotate";
    }

    @PostMapping("/seller/keys/access/{id}/rotate")
    String rotateAccessKey(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes flash,
            Locale locale) {
        rotations.ownKey(user.subjectId(), id);
        return attempt(flash, locale, () -> {
            rotations.rotateAccessKey(user.subjectId(), id);
            flash.addFlashAttribute("notice", text("integration.keys.rotated", locale));
        });
    }

    /** Creates an AK/SK pair and shows the SK in this answer only: it is not kept anywhere it could be shown again. */
    @PostMapping("/seller/keys/openapi")
    String createOpenApiKey(@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) {
        noStore(response);
        OpenApiKeyPair pair = sellers.createOpenApiKey(user.subjectId());
        model.addAttribute("newPair", pair);
        return page(user.subjectId(), model);
    }

    @PostMapping("/seller/keys/openapi/{accessKey}/delete")
    String deleteOpenApiKey(@AuthenticationPrincipal SignedInUser user, @PathVariable String accessKey,
            RedirectAttributes flash, Locale locale) {
        sellers.deleteOpenApiKey(user.subjectId(), accessKey);
        flash.addFlashAttribute("notice", text("integration.keys.openapi.deleted", locale));
        return "redirect:/seller/keys";
    }

    private String page(long sellerId, Model model) {
        model.addAttribute("v1Exists", sellers.v1Key(sellerId).isPresent());
        model.addAttribute("accessKeys", sellers.accessKeys(sellerId));
        model.addAttribute("addresses", addresses.addresses(sellerId));
        model.addAttribute("types", InterfaceType.values());
        model.addAttribute("openApiKeys", sellers.openApiKeys(sellerId));
        return "integration/keys";
    }

    private static InterfaceType parseType(String type) {
        try {
            return InterfaceType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_interface_type", "choose the interface type: BASIC, SYNC, LICENSE or GENERAL");
        }
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Runs a change and goes back to the keys page; a refusal becomes the page's error (not found stays 404). */
    private String attempt(RedirectAttributes flash, Locale locale, Runnable action) {
        return Attempts.attempt(messages, flash, locale, "redirect:/seller/keys", () -> {
            action.run();
            return "redirect:/seller/keys";
        });
    }
}
