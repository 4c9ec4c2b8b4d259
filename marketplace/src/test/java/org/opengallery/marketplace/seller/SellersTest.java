package org.opengallery.marketplace.seller;

import org.opengallery.marketplace.secrets.SealedSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.web.ApiException;

class SellersTest extends DomainTest {

    @Test
    void secretsAreEncryptedAtRest() {
        long seller = sellers.register("ISV", unique("isv"), "cs@isv.example.com").id();
        String v1 = sellers.issueV1Key(seller);
        AccessKey basic = sellers.createAccessKey(seller, InterfaceType.BASIC, "https://isv.example.com/produce");
        OpenApiKeyPair pair = sellers.createOpenApiKey(seller);
        String stored = jdbc.sql("""
                SELECT s.v1_key_sealed || '|' || k.key_sealed || '|' || o.secret_sealed FROM seller s
                JOIN seller_access_key k ON k.seller_id = s.id JOIN seller_open_api_key o ON o.seller_id = s.id
                WHERE s.id = :id""").param("id", seller).query(String.class).single();
        assertThat(stored).doesNotContain(v1).doesNotContain(basic.key()).doesNotContain(pair.secretKey());
        assertThat(sellers.v1Key(seller)).contains(v1);
        assertThat(sellers.basicKeys(seller)).singleElement().satisfies(k -> assertThat(k.key()).isEqualTo(basic.key()));
        assertThat(basic.toString()).doesNotContain(basic.key());
        assertThat(pair.toString()).doesNotContain(pair.secretKey());
    }

    @Test
    void twoInterfaceTypesNeverShareAKey() {
        long seller = sellers.register("ISV", unique("isv"), "cs@isv.example.com").id();
        String url = "https://isv.example.com/produce";
        AccessKey basic = sellers.createAccessKey(seller, InterfaceType.BASIC, url);
        AccessKey sync = sellers.createAccessKey(seller, InterfaceType.SYNC, url);
        assertThat(basic.key()).isNotEqualTo(sync.key());
        assertThatThrownBy(() -> sellers.createAccessKey(seller, InterfaceType.BASIC, url))
                .isInstanceOf(ApiException.class).hasMessageContaining("already has a BASIC key");
        assertThat(sellers.accessKey(seller, InterfaceType.SYNC, url)).map(AccessKey::key).contains(sync.key());
    }

    @Test
    void openApiSecretResolvesTheSellerAndItsSk() {
        long seller = sellers.register("ISV", unique("isv"), "cs@isv.example.com").id();
        OpenApiKeyPair pair = sellers.createOpenApiKey(seller);
        assertThat(pair.accessKey()).matches("[A-Z0-9]{20}");
        OpenApiSecret secret = sellers.openApiSecret(pair.accessKey()).orElseThrow();
        assertThat(secret.sellerId()).isEqualTo(seller);
        assertThat(secret.secretKey()).isEqualTo(pair.secretKey());
        assertThat(sellers.openApiSecret("UNKNOWNAK")).isEmpty();
    }

    @Test
    void aProductionAddressMustBeAnHttpUrlWithAHost() {
        long seller = sellers.register("ISV", unique("isv"), "cs@isv.example.com").id();
        assertThatThrownBy(() -> sellers.createAccessKey(seller, InterfaceType.BASIC, "ftp://isv.example.com"))
                .isInstanceOf(ApiException.class).hasMessageContaining("http:// or https://");
    }

    @Test
    void aSellerNeedsAValidCustomerServiceEmail() {
        assertThatThrownBy(() -> sellers.register("ISV", unique("isv"), "not-an-address"))
                .isInstanceOf(ApiException.class).hasMessageContaining("customer-service e-mail");
        long seller = sellers.register("ISV", unique("isv"), "cs@isv.example.com").id();
        assertThat(sellers.customerServiceEmail(seller)).isEqualTo("cs@isv.example.com");
    }

    @Test
    void aMasterKeyIsGeneratedOnFirstUseAndKeptNextToTheDatabase(@TempDir Path dir) throws Exception {
        SealedSecrets first = new SealedSecrets("", dir.toString());
        assertThat(dir.resolve("master.key")).doesNotExist();
        String sealed = first.seal("the V1 key");
        assertThat(dir.resolve("master.key")).exists();
        assertThat(new SealedSecrets("", dir.toString()).unseal(sealed)).isEqualTo("the V1 key");
    }

    @Test
    void aConfiguredMasterKeyIsUsedAndAnotherKeyCannotOpenTheSecret(@TempDir Path dir) throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SealedSecrets configured = new SealedSecrets(key, dir.toString());
        String sealed = configured.seal("sk");
        assertThat(Files.list(dir)).isEmpty();
        assertThat(new SealedSecrets(key, dir.resolve("other").toString()).unseal(sealed)).isEqualTo("sk");
        assertThatThrownBy(() -> new SealedSecrets("", dir.toString()).unseal(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("sk ");
        assertThatThrownBy(() -> new SealedSecrets("c2hvcnQ=", dir.toString()).seal("x"))
                .hasMessageContaining("must be 16, 24 or 32 bytes");
    }
}
