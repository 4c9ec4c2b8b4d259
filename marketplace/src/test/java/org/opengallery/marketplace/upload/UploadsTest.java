package org.opengallery.marketplace.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.beans.factory.annotation.Autowired;

class UploadsTest extends DomainTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] PDF = "%PDF-1.7\n...".getBytes();

    @Autowired Uploads uploads;

    @Test
    void anImageIsJudgedByItsContentNotItsName() {
        assertThatThrownBy(() -> uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "logo.png",
                "MZ not really a png".getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo("upload_wrong_type");
                    assertThat(e.getMessage()).contains("JPEG or PNG");
                });
        StoredFile logo = uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "scan.pdf", PNG);
        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(uploads.content(logo.id())).isEqualTo(PNG);
    }

    @Test
    void aPdfIsADocumentButNotAnImage() {
        assertThat(uploads.store(Role.SELLER, 1, "licence", FileRule.DOCUMENT, false, "licence.pdf", PDF)
                .contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "x.pdf", PDF))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("upload_wrong_type"));
    }

    @Test
    void anImageOverFiveMegabytesIsRefusedNamingTheLimit() {
        byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "big.png", big))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo("upload_too_large");
                    assertThat(e.getMessage()).contains("at most 5.0 MB");
                });
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertThatThrownBy(() -> uploads.store(Role.SELLER, 1, "licence", FileRule.DOCUMENT, false, "x.pdf",
                new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("upload_missing"));
    }

    @Test
    void theKeptNameHasNoPath() {
        assertThat(uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "C:\\Users\\me\\logo.png", PNG)
                .fileName()).isEqualTo("logo.png");
    }

    @Test
    void onlyPublicFilesAreServedToAnyone() throws Exception {
        StoredFile logo = uploads.store(Role.SELLER, 1, "logo", FileRule.IMAGE, true, "logo.png", PNG);
        StoredFile licence = uploads.store(Role.SELLER, 1, "licence", FileRule.DOCUMENT, false, "l.pdf", PDF);
        var http = java.net.http.HttpClient.newHttpClient();
        var ok = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/files/" + logo.id())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ok.body()).isEqualTo(PNG);
        var hidden = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/files/" + licence.id())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(hidden.statusCode()).isEqualTo(404);
    }
}
