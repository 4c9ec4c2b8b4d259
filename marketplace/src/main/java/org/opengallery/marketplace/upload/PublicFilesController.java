package org.opengallery.marketplace.upload;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /files/{id}}: a public upload (a logo, a product image) for anyone; a private one (a business licence, a
 * certificate) is "not found" here — the pages that may show it serve it after their own check.
 */
@RestController
class PublicFilesController {

    private final Uploads uploads;

    PublicFilesController(Uploads uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        return uploads.file(id).filter(StoredFile::publicFile)
                .map(f -> ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(uploads.content(id)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
