package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.ProductDraft.PriceTemplate;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * The draft editor's form, as the browser posts it (every field text, so a typo is reported, not a binding
 * error). {@link #draft(List)} turns it into a {@link ProductDraft}, noting the fields it could not read; a spec
 * row left empty is no spec.
 */
public class DraftForm {

    private String name;
    private String accessType;
    private String version;
    private String productionUrl;
    private String encryptType;
    private String description;
    private String salesRegion;
    private String priceTemplate;
    private String serviceAgreement;
    private String supportContent;
    private String supportHours;
    private String supportPhone;
    private String supportEmail;
    private List<SkuForm> skus = new ArrayList<>();

    /** One spec row. */
    public static class SkuForm {
        private String skuCode;
        private String name;
        private String chargingMode;
        private String monthPrice;
        private String yearPrice;
        private String price;
        private String trialDays;
        private String unitPrice;
        private String usageUnit;

        static SkuForm of(DraftSku s) {
            SkuForm f = new SkuForm();
            f.skuCode = s.skuCode();
            f.name = s.name();
            f.chargingMode = s.chargingMode() == null ? null : s.chargingMode().name();
            f.monthPrice = text(s.monthPrice());
            f.yearPrice = text(s.yearPrice());
            f.price = text(s.price());
            f.trialDays = s.trialDays() == null ? null : s.trialDays().toString();
            f.unitPrice = text(s.unitPrice());
            f.usageUnit = s.usageUnit();
            return f;
        }

        boolean empty() {
            return blank(name) && blank(monthPrice) && blank(yearPrice) && blank(price) && blank(unitPrice)
                    && blank(trialDays) && blank(skuCode);
        }

        public String getSkuCode() { return skuCode; }
        public void setSkuCode(String v) { skuCode = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getChargingMode() { return chargingMode; }
        public void setChargingMode(String v) { chargingMode = v; }
        public String getMonthPrice() { return monthPrice; }
        public void setMonthPrice(String v) { monthPrice = v; }
        public String getYearPrice() { return yearPrice; }
        public void setYearPrice(String v) { yearPrice = v; }
        public String getPrice() { return price; }
        public void setPrice(String v) { price = v; }
        public String getTrialDays() { return trialDays; }
        public void setTrialDays(String v) { trialDays = v; }
        public String getUnitPrice() { return unitPrice; }
        public void setUnitPrice(String v) { unitPrice = v; }
        public String getUsageUnit() { return usageUnit; }
        public void setUsageUnit(String v) { usageUnit = v; }
    }

    /** The form showing this draft, with one empty spec row to add a spec. */
    public static DraftForm of(ProductDraft d) {
        DraftForm f = new DraftForm();
        f.name = d.name();
        f.accessType = d.accessType() == null ? null : d.accessType().name();
        f.version = d.version() == null ? null : d.version().name();
        f.productionUrl = d.productionUrl();
        f.encryptType = d.encryptType() == null ? null : d.encryptType().name();
        f.description = d.description();
        f.salesRegion = d.salesRegion() == null ? null : d.salesRegion().name();
        f.priceTemplate = d.priceTemplate() == null ? null : d.priceTemplate().name();
        f.serviceAgreement = d.serviceAgreement();
        f.supportContent = d.support().content();
        f.supportHours = d.support().hours();
        f.supportPhone = d.support().phone();
        f.supportEmail = d.support().email();
        d.skus().forEach(s -> f.skus.add(SkuForm.of(s)));
        SkuForm blank = new SkuForm();
        blank.chargingMode = ChargingMode.Known.PERIOD.name();
        f.skus.add(blank);
        return f;
    }

    /** The draft this form describes (files are kept by the service); unreadable values go into {@code unread}. */
    public ProductDraft draft(List<String> unread) {
        List<DraftSku> specs = new ArrayList<>();
        for (SkuForm s : skus) {
            if (s == null || s.empty()) {
                continue;
            }
            String label = blank(s.name) ? "?" : s.name.strip();
            specs.add(new DraftSku(blank(s.skuCode) ? null : s.skuCode.strip(), trim(s.name),
                    enumOf(ChargingMode.Known.class, s.chargingMode),
                    money(s.monthPrice, label, unread), money(s.yearPrice, label, unread), money(s.price, label, unread),
                    days(s.trialDays, label, unread), money(s.unitPrice, label, unread), trim(s.usageUnit)));
        }
        return new ProductDraft(trim(name), enumOf(AccessType.class, accessType), enumOf(InterfaceVersion.class, version),
                trim(productionUrl), enumOf(EncryptType.class, encryptType), description == null ? null : description.strip(),
                enumOf(SalesRegion.class, salesRegion), enumOf(PriceTemplate.class, priceTemplate),
                serviceAgreement == null ? null : serviceAgreement.strip(),
                new ServiceSupport(trim(supportContent), trim(supportHours), trim(supportPhone), trim(supportEmail)),
                null, List.of(), null, specs);
    }

    private static BigDecimal money(String s, String label, List<String> unread) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            unread.add(label + ": " + s.strip());
            return null;
        }
    }

    private static Integer days(String s, String label, List<String> unread) {
        if (blank(s)) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            unread.add(label + ": " + s.strip());
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getAccessType() { return accessType; }
    public void setAccessType(String v) { accessType = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { version = v; }
    public String getProductionUrl() { return productionUrl; }
    public void setProductionUrl(String v) { productionUrl = v; }
    public String getEncryptType() { return encryptType; }
    public void setEncryptType(String v) { encryptType = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getSalesRegion() { return salesRegion; }
    public void setSalesRegion(String v) { salesRegion = v; }
    public String getPriceTemplate() { return priceTemplate; }
    public void setPriceTemplate(String v) { priceTemplate = v; }
    public String getServiceAgreement() { return serviceAgreement; }
    public void setServiceAgreement(String v) { serviceAgreement = v; }
    public String getSupportContent() { return supportContent; }
    public void setSupportContent(String v) { supportContent = v; }
    public String getSupportHours() { return supportHours; }
    public void setSupportHours(String v) { supportHours = v; }
    public String getSupportPhone() { return supportPhone; }
    public void setSupportPhone(String v) { supportPhone = v; }
    public String getSupportEmail() { return supportEmail; }
    public void setSupportEmail(String v) { supportEmail = v; }
    public List<SkuForm> getSkus() { return skus; }
    public void setSkus(List<SkuForm> v) { skus = v; }
}
