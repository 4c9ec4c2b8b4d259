package org.opengallery.sellerkit.spring;

import java.time.Duration;
import org.opengallery.sellerkit.SellerKit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opengallery.seller.*}: how the kit is mounted and which keys it verifies with. Keys are per interface
 * type on KooGallery (never two types sharing one); {@code access-key} fills every type not set on its own.
 */
@ConfigurationProperties("opengallery.seller")
public class SellerKitProperties {

    /** Whether to mount the production interface at all. */
    private boolean enabled = true;
    /** Where KooGallery calls: POST → V2, GET → V1; the joint-operation sync interfaces sit under /produceAPI/v2/. */
    private String productionPath = "/saasproduce";
    /** One key for every interface type not configured on its own (handy for debugging). */
    private String accessKey;
    /** The access key bound to the V2 basic interfaces. */
    private String basicKey;
    /** The V1 Key (服务商信息): authToken, Body-Sign and the credential cipher. */
    private String v1Key;
    /** The access key bound to the joint-operation sync interfaces. */
    private String kitKey;
    /** The product's encryptType for V1 credentials: 1 (AES-256) or 2 (AES-128). */
    private String encryptType = "1";
    /** How far a V2 timestamp may be from now. */
    private Duration timeWindow = Duration.ofSeconds(60);
    /** How long a create waits for the seller's code before answering 000004 (below the platform's 5 s). */
    private Duration asyncBudget = SellerKit.DEFAULT_ASYNC_BUDGET;
    /** How long a node owns a running create; must exceed the slowest provisioning. */
    private Duration lease = SellerKit.DEFAULT_LEASE;
    /** Whether a slow V1 create may answer 000004 instead of asking the platform to retry. */
    private boolean v1AsyncCreate;
    /** PEM (PKCS#8) of the RSA private key matching the public key uploaded with the app credential. */
    private String syncPrivateKey;
    /** KooGallery's open APIs (Query Order, usage push). */
    private final OpenApi openApi = new OpenApi();

    /** Where and how the seller calls KooGallery's open APIs. */
    public static class OpenApi {
        /** Base URL, e.g. https://mkt.myhuaweicloud.com; empty to run without order details. */
        private String baseUrl;
        /** AK of the seller's access key pair (我的凭证). */
        private String ak;
        /** SK of the seller's access key pair. */
        private String sk;

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getAk() {
            return ak;
        }

        public void setAk(String ak) {
            this.ak = ak;
        }

        public String getSk() {
            return sk;
        }

        public void setSk(String sk) {
            this.sk = sk;
        }

        @Override
        public String toString() {
            return "OpenApi[baseUrl=" + baseUrl + ", ak=" + ak + ", sk=<redacted>]";
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getProductionPath() {
        return productionPath;
    }

    public void setProductionPath(String productionPath) {
        this.productionPath = productionPath;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getBasicKey() {
        return basicKey;
    }

    public void setBasicKey(String basicKey) {
        this.basicKey = basicKey;
    }

    public String getV1Key() {
        return v1Key;
    }

    public void setV1Key(String v1Key) {
        this.v1Key = v1Key;
    }

    public String getKitKey() {
        return kitKey;
    }

    public void setKitKey(String kitKey) {
        this.kitKey = kitKey;
    }

    public String getEncryptType() {
        return encryptType;
    }

    public void setEncryptType(String encryptType) {
        this.encryptType = encryptType;
    }

    public Duration getTimeWindow() {
        return timeWindow;
    }

    public void setTimeWindow(Duration timeWindow) {
        this.timeWindow = timeWindow;
    }

    public Duration getAsyncBudget() {
        return asyncBudget;
    }

    public void setAsyncBudget(Duration asyncBudget) {
        this.asyncBudget = asyncBudget;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public boolean isV1AsyncCreate() {
        return v1AsyncCreate;
    }

    public void setV1AsyncCreate(boolean v1AsyncCreate) {
        this.v1AsyncCreate = v1AsyncCreate;
    }

    public String getSyncPrivateKey() {
        return syncPrivateKey;
    }

    public void setSyncPrivateKey(String syncPrivateKey) {
        this.syncPrivateKey = syncPrivateKey;
    }

    public OpenApi getOpenApi() {
        return openApi;
    }

    /** The key for one interface type: its own, else the shared access key. */
    String keyOrShared(String own) {
        return own != null && !own.isEmpty() ? own : accessKey;
    }

    @Override
    public String toString() {
        return "SellerKitProperties[productionPath=" + productionPath + ", keys=<redacted>, encryptType=" + encryptType
                + ", openApi=" + openApi + "]";
    }
}
