package org.opengallery.marketplace.integration;

import java.util.Locale;
import java.util.function.Supplier;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Redirect-after-post for this package's forms: a refusal becomes the page's error; "not found" stays a 404. */
final class Attempts {

    private Attempts() {}

    static String attempt(MessageSource messages, RedirectAttributes flash, Locale locale, String back,
            Supplier<String> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage("integration.error." + e.error(), null,
                    e.getMessage(), locale));
            return back;
        }
    }
}
