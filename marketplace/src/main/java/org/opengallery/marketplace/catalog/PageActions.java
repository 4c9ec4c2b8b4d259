package org.opengallery.marketplace.catalog;

import java.util.Locale;
import java.util.function.Supplier;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.upload.Uploads;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the publishing pages share: running a form action with redirect-after-post (a refusal goes back with the
 * reason, in the page's language when the bundle knows its code) and serving a private file after the caller's
 * access check.
 */
@Component
class PageActions {

    private final MessageSource messages;
    private final Uploads uploads;

    PageActions(MessageSource messages, Uploads uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    String attempt(RedirectAttributes flash, Locale locale, String back, String doneKey, Supplier<String> action) {
        try {
            String next = action.get();
            if (doneKey != null) {
                flash.addFlashAttribute("notice", messages.getMessage(doneKey, null, locale));
            }
            return next;
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage("error." + e.error(), null, e.getMessage(), locale));
            return back;
        }
    }

    String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A private upload, as an attachment, never sniffed into something else by the browser. */
    ResponseEntity<byte[]> file(StoredFile f) {
        if (f == null) {
            throw ApiException.notFound("file", "copyright");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(uploads.content(f.id()));
    }
}
