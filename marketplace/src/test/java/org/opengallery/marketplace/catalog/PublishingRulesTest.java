package org.opengallery.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.ProductDraft.PriceTemplate;
import org.opengallery.marketplace.catalog.PublishingRules.Violation;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.cipher.EncryptType;
import org.opengallery.protocol.message.order.ChargingMode;

/** The content rules, one test per rule, on drafts that break only that rule. */
class PublishingRulesTest {

    static final String AGREEMENT = "本协议在买家下单勾选同意后生效。服务商依法保护用户隐私，不向第三方披露用户数据。";
    static final String DESCRIPTION = "团队协作笔记，支持多人实时编辑、版本历史与权限管理。".repeat(20);

    static DraftSku periodSku(String code, Integer trialDays) {
        return new DraftSku(code, "Basic " + code, ChargingMode.Known.PERIOD, new BigDecimal("9.90"),
                new BigDecimal("99.00"), null, trialDays, null, null);
    }

    /** A draft that passes every rule. */
    static ProductDraft complete() {
        return new ProductDraft("Team Notes", AccessType.SAAS, InterfaceVersion.V2, "https://isv.example.com/produce",
                EncryptType.AES_256, DESCRIPTION, SalesRegion.CN_MAINLAND, PriceTemplate.SIMPLE, AGREEMENT,
                new ServiceSupport("电话与邮件支持", "5×8 h 09:00–18:00", "+86 400 000 0000", "support@isv.example.com"),
                1L, List.of(), 2L, List.of(periodSku("SKU1", 14)));
    }

    static List<String> codes(ProductDraft d) {
        return PublishingRules.check(d).stream().map(Violation::code).toList();
    }

    static ProductDraft describe(String description, List<Long> images) {
        ProductDraft d = complete();
        return new ProductDraft(d.name(), d.accessType(), d.version(), d.productionUrl(), d.encryptType(), description,
                d.salesRegion(), d.priceTemplate(), d.serviceAgreement(), d.support(), d.logoFileId(), images,
                d.copyrightFileId(), d.skus());
    }

    static ProductDraft agreement(String text) {
        ProductDraft d = complete();
        return new ProductDraft(d.name(), d.accessType(), d.version(), d.productionUrl(), d.encryptType(),
                d.description(), d.salesRegion(), d.priceTemplate(), text, d.support(), d.logoFileId(),
                d.imageFileIds(), d.copyrightFileId(), d.skus());
    }

    static ProductDraft specs(PriceTemplate template, DraftSku... skus) {
        ProductDraft d = complete();
        return new ProductDraft(d.name(), d.accessType(), d.version(), d.productionUrl(), d.encryptType(),
                d.description(), d.salesRegion(), template, d.serviceAgreement(), d.support(), d.logoFileId(),
                d.imageFileIds(), d.copyrightFileId(), List.of(skus));
    }

    static ProductDraft support(ServiceSupport s) {
        ProductDraft d = complete();
        return new ProductDraft(d.name(), d.accessType(), d.version(), d.productionUrl(), d.encryptType(),
                d.description(), d.salesRegion(), d.priceTemplate(), d.serviceAgreement(), s, d.logoFileId(),
                d.imageFileIds(), d.copyrightFileId(), d.skus());
    }

    @Test
    void aCompleteDraftBreaksNoRule() {
        assertThat(PublishingRules.check(complete())).isEmpty();
    }

    @Test
    void aTextOnlyDescriptionNeedsAtLeast400Characters() {
        assertThat(codes(describe("字".repeat(399), List.of()))).containsExactly("descriptionTooShort");
        assertThat(codes(describe("字".repeat(400), List.of()))).isEmpty();
        assertThat(codes(describe("字".repeat(50), List.of(7L)))).as("images count as content").isEmpty();
    }

    @Test
    void advertisingLawWordsAreRefusedNamingTheWordsFound() {
        List<Violation> v = PublishingRules.check(describe(DESCRIPTION + " 国内第一的笔记，the BEST tool, No.1", List.of()));
        assertThat(v).extracting(Violation::code).containsExactly("advertisingWords");
        assertThat(v.get(0).found()).isEqualTo("第一, best, No.1");
        assertThat(v.get(0).message()).contains("第一, best, No.1");
    }

    @Test
    void englishAdvertisingWordsCountOnlyAsWholeWords() {
        assertThat(PublishingRules.advertisingLawWords("bestow, Best-effort delivery")).containsExactly("best");
        assertThat(PublishingRules.advertisingLawWords("bestow notes")).isEmpty();
    }

    @Test
    void anAgreementWithBlanksToFillInIsRefused() {
        for (String blank : List.of("甲方：____", "乙方：【  】", "Party [ ]", "XX公司 提供服务")) {
            List<Violation> v = PublishingRules.check(agreement(AGREEMENT + blank));
            assertThat(v).as(blank).extracting(Violation::code).containsExactly("agreementBlanks");
        }
    }

    @Test
    void anAgreementEffectiveUponStampingIsRefused() {
        assertThat(codes(agreement(AGREEMENT + "本协议自双方盖章生效。"))).containsExactly("agreementStamping");
        assertThat(codes(agreement(AGREEMENT + " This agreement is effective upon stamping.")))
                .containsExactly("agreementStamping");
    }

    @Test
    void anAgreementWithoutAPrivacyClauseIsRefused() {
        assertThat(codes(agreement("本协议在买家下单勾选同意后生效。服务商提供在线笔记服务。"))).containsExactly("agreementPrivacy");
        assertThat(codes(agreement("Effective when accepted. The seller protects the buyer's privacy."))).isEmpty();
    }

    @Test
    void anAgreementNamesNoPlaceOfSigning() {
        assertThat(codes(agreement(AGREEMENT + "签约地点：北京。"))).containsExactly("agreementSigningPlace");
    }

    @Test
    void serviceAndSupportNeedContentHoursPhoneAndEmail() {
        assertThat(codes(support(ServiceSupport.NONE)))
                .containsExactly("supportContent", "supportHours", "supportPhone", "supportEmail");
        assertThat(codes(support(new ServiceSupport("支持", "5×8", "+86 400 000 0000", "not-an-address"))))
                .containsExactly("supportEmail");
    }

    @Test
    void aTrialIsAllowedOnPeriodicSpecsOnly() {
        DraftSku once = new DraftSku("SKU2", "Once", ChargingMode.Known.ONE_TIME, null, null, new BigDecimal("99"), 7,
                null, null);
        assertThat(codes(specs(PriceTemplate.SIMPLE, once))).containsExactly("trialOnlyPeriodic");
    }

    @Test
    void trialDaysAreBetween3And180() {
        assertThat(codes(specs(PriceTemplate.SIMPLE, periodSku("A", 2)))).containsExactly("trialDays");
        assertThat(codes(specs(PriceTemplate.SIMPLE, periodSku("A", 181)))).containsExactly("trialDays");
        assertThat(codes(specs(PriceTemplate.SIMPLE, periodSku("A", 3)))).isEmpty();
        assertThat(codes(specs(PriceTemplate.SIMPLE, periodSku("A", 180)))).isEmpty();
    }

    @Test
    void theSimplePriceTemplateHasOneSpecAndTheCustomOneSeveral() {
        assertThat(codes(specs(PriceTemplate.SIMPLE, periodSku("A", null), periodSku("B", null))))
                .containsExactly("simpleTemplateOneSku");
        assertThat(codes(specs(PriceTemplate.CUSTOM, periodSku("A", null), periodSku("B", null)))).isEmpty();
    }

    @Test
    void everySpecNeedsItsPriceWithAtMostTwoDecimals() {
        DraftSku noPrice = new DraftSku("A", "A", ChargingMode.Known.PERIOD, null, null, null, null, null, null);
        DraftSku fine = new DraftSku("B", "B", ChargingMode.Known.PERIOD, new BigDecimal("9.999"), null, null, null, null, null);
        DraftSku metered = new DraftSku("C", "C", ChargingMode.Known.ON_DEMAND, null, null, null, null, null, null);
        assertThat(codes(specs(PriceTemplate.CUSTOM, noPrice, fine, metered)))
                .containsExactly("skuPeriodPrice", "skuPriceFormat", "skuUnitPrice");
    }

    @Test
    void aProductNeedsALogoAndACopyrightFileButNoMoreThanFiveImages() {
        ProductDraft d = complete().withLogo(null).withCopyright(null).withImages(List.of(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(codes(d)).containsExactly("logo", "tooManyImages", "copyright");
    }

    @Test
    void theDraftFormSkipsEmptySpecRowsAndReportsUnreadableNumbers() {
        DraftForm form = DraftForm.of(complete());
        assertThat(form.getSkus()).hasSize(2); // the spec and one empty row to add another
        form.getSkus().get(0).setMonthPrice("9,90");
        List<String> unread = new ArrayList<>();
        ProductDraft d = form.draft(unread);
        assertThat(d.skus()).hasSize(1);
        assertThat(d.skus().get(0).monthPrice()).isNull();
        assertThat(unread).containsExactly("Basic SKU1: 9,90");
    }
}
