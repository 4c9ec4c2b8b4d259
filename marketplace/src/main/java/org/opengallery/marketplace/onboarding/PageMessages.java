package org.opengallery.marketplace.onboarding;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What this capability's pages share: running a form's action with redirect-after-post, turning a refusal into
 * flash messages in the page's language ({@code onboarding.error.<code>}, else the service's English message), and
 * serving a private upload after the page's own access check.
 */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs the action; on a refusal, flashes what is wrong and goes back. */
    String attempt(RedirectAttributes flash, Locale locale, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (FormProblems e) {
            flash.addFlashAttribute("problems", e.problems().stream()
                    .map(p -> messages.getMessage("onboarding.error." + p.code(),
                            new Object[] {p.detail() == null ? "" : p.detail()}, p.message(), locale))
                    .toList());
            return back;
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage("onboarding.error." + e.error(), null,
                    messages.getMessage("error." + e.error(), null, e.getMessage(), locale), locale));
            return back;
        }
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A stored upload, shown inline (images) or as a download (PDF), never sniffed by the browser. */
    static ResponseEntity<byte[]> file(org.opengallery.marketplace.upload.StoredFile f, byte[] content) {
        boolean image = f.contentType().startsWith("image/");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", (image ? "inline" : "attachment") + "; filename=\"file-" + f.id()
                        + (image ? "" : ".pdf") + "\"")
                .body(content);
    }

    static List<String> none() {
        return List.of();
    }
}
