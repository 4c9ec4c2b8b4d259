package org.opengallery.marketplace.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengallery.marketplace.catalog.ProductDraft.DraftSku;
import org.opengallery.marketplace.catalog.ProductDraft.PriceTemplate;
import org.opengallery.protocol.message.order.ChargingMode;

/**
 * The content rules a draft must pass before it can be submitted (platform.md §2.3, §2.4): one method per rule
 * group, every rule a {@link Violation} with a code (the page's bundle key is {@code publishing.rule.<code>}) and
 * what was found. Saving a draft shows the violations without refusing; submitting refuses while there is one.
 * Rules that need other capabilities (the production address has a key, skuCodes are free) are in
 * {@link Publishing}.
 */
public final class PublishingRules {

    /** Text-only descriptions (no product image) must say at least this much (商品说明 ≥ 400 字). */
    public static final int MIN_TEXT_ONLY_DESCRIPTION = 400;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_AGREEMENT = 20000;

    /**
     * Words the advertising law (广告法) forbids in product copy: absolute terms and unprovable rankings. The one list;
     * a word is found case-insensitively, English ones as whole words.
     */
    public static final List<String> ADVERTISING_LAW_WORDS = List.of("最", "第一", "国家级", "最佳", "顶级", "极品", "极致",
            "世界级", "100%", "best", "No.1", "number one");

    /** Blanks left to be filled in (留白待填写): underscores, empty brackets, placeholder company names. */
    private static final Pattern AGREEMENT_BLANK = Pattern.compile(
            "_{3,}|＿{2,}|【\\s*】|\\[\\s*]|（\\s{0,3}）|\\(\\s{0,3}\\)|(?i)x{2,}\\s*(?:公司|有限公司|co\\.?|company|ltd\\.?)|某某公司");
    /** Effective only when stamped or signed (盖章生效): an online agreement takes effect when the buyer ticks it. */
    private static final Pattern AGREEMENT_STAMPING = Pattern.compile(
            "盖章(?:后)?生效|签章(?:后)?生效|签字(?:盖章)?(?:后)?生效|(?i)effective\\s+(?:upon|after|on)\\s+(?:stamping|sealing|signature|signing)");
    private static final Pattern AGREEMENT_SIGNING_PLACE = Pattern.compile("签约地点|(?i)place of signing");
    private static final Pattern AGREEMENT_PRIVACY = Pattern.compile("隐私|(?i)privacy");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()\\-]{4,30}");

    private PublishingRules() {}

    /** A broken rule: {@code code} names it, {@code found} is what broke it (words, a skuCode), may be empty. */
    public record Violation(String code, String found, String message) {
        static Violation of(String code, String found, String message) {
            return new Violation(code, found == null ? "" : found, message);
        }
    }

    /** Every rule the draft breaks, in the order the form shows the fields; empty when it may be submitted. */
    public static List<Violation> check(ProductDraft d) {
        List<Violation> v = new ArrayList<>();
        basics(d, v);
        description(d.description(), d.imageFileIds().size(), v);
        serviceAgreement(d.serviceAgreement(), v);
        support(d.support(), v);
        files(d, v);
        specs(d, v);
        return v;
    }

    static void basics(ProductDraft d, List<Violation> v) {
        if (blank(d.name()) || d.name().strip().length() > 200) {
            v.add(Violation.of("name", null, "a product needs a name of 1 to 200 characters"));
        }
        if (d.accessType() == null) {
            v.add(Violation.of("accessType", null, "choose the access type (商品接入类型)"));
        }
        if (d.version() == null || blank(d.productionUrl())) {
            v.add(Violation.of("productionAddress", null,
                    "choose the interface version and one of your production addresses that has a key"));
        }
        if (d.salesRegion() == null) {
            v.add(Violation.of("salesRegion", null, "choose where the product is sold"));
        }
    }

    /** 商品说明: long enough when it is the only content, at most 4000 characters, no advertising-law words. */
    public static void description(String description, int images, List<Violation> v) {
        String text = description == null ? "" : description.strip();
        int length = text.codePointCount(0, text.length());
        if (images == 0 && length < MIN_TEXT_ONLY_DESCRIPTION) {
            v.add(Violation.of("descriptionTooShort", Integer.toString(length), "a description without product images needs at least "
                    + MIN_TEXT_ONLY_DESCRIPTION + " characters; it has " + length + " (or add product images)"));
        }
        if (length > MAX_DESCRIPTION) {
            v.add(Violation.of("descriptionTooLong", Integer.toString(length),
                    "a description has at most " + MAX_DESCRIPTION + " characters; it has " + length));
        }
        List<String> words = advertisingLawWords(text);
        if (!words.isEmpty()) {
            v.add(Violation.of("advertisingWords", String.join(", ", words),
                    "remove the words the advertising law forbids: " + String.join(", ", words)));
        }
    }

    /** The advertising-law words in {@code text}, in the list's order. */
    public static List<String> advertisingLawWords(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String word : ADVERTISING_LAW_WORDS) {
            String w = word.toLowerCase(Locale.ROOT);
            boolean latin = w.chars().anyMatch(c -> c >= 'a' && c <= 'z');
            boolean hit = latin
                    ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(w).replace(" ", "\\E\\s+\\Q") + "(?![a-z0-9])")
                            .matcher(lower).find()
                    : lower.contains(w);
            if (hit) {
                found.add(word);
            }
        }
        return found;
    }

    /** 商品服务协议: an online agreement with nothing left to fill in, no stamping, no signing place, a privacy clause. */
    public static void serviceAgreement(String agreement, List<Violation> v) {
        if (blank(agreement)) {
            v.add(Violation.of("agreementRequired", null, "write the service agreement the buyer accepts when ordering"));
            return;
        }
        if (agreement.length() > MAX_AGREEMENT) {
            v.add(Violation.of("agreementTooLong", Integer.toString(agreement.length()),
                    "the service agreement has at most " + MAX_AGREEMENT + " characters"));
        }
        Set<String> blanks = found(AGREEMENT_BLANK, agreement);
        if (!blanks.isEmpty()) {
            v.add(Violation.of("agreementBlanks", String.join(" ", blanks),
                    "fill in the blanks left in the service agreement: " + String.join(" ", blanks)));
        }
        Set<String> stamping = found(AGREEMENT_STAMPING, agreement);
        if (!stamping.isEmpty()) {
            v.add(Violation.of("agreementStamping", String.join(", ", stamping), "an online agreement takes effect when "
                    + "the buyer accepts it at ordering; remove: " + String.join(", ", stamping)));
        }
        Set<String> place = found(AGREEMENT_SIGNING_PLACE, agreement);
        if (!place.isEmpty()) {
            v.add(Violation.of("agreementSigningPlace", String.join(", ", place),
                    "an online agreement has no place of signing; remove: " + String.join(", ", place)));
        }
        if (!AGREEMENT_PRIVACY.matcher(agreement).find()) {
            v.add(Violation.of("agreementPrivacy", null,
                    "the service agreement needs a user privacy-protection clause (隐私 / privacy)"));
        }
    }

    /** 服务与支持: content, hours, hotline and e-mail, all four. */
    public static void support(ServiceSupport s, List<Violation> v) {
        ServiceSupport support = s == null ? ServiceSupport.NONE : s;
        if (blank(support.content())) {
            v.add(Violation.of("supportContent", null, "say what the service and support covers (服务内容)"));
        }
        if (blank(support.hours())) {
            v.add(Violation.of("supportHours", null, "give the service hours (服务时间), e.g. 5×8 h, 09:00–18:00"));
        }
        if (blank(support.phone()) || !PHONE.matcher(support.phone().strip()).matches()) {
            v.add(Violation.of("supportPhone", support.phone(), "give a service hotline (服务电话) of digits, spaces, + ( ) -"));
        }
        if (blank(support.email()) || !EMAIL.matcher(support.email().strip()).matches()) {
            v.add(Violation.of("supportEmail", support.email(), "give a service e-mail address (服务邮箱)"));
        }
    }

    static void files(ProductDraft d, List<Violation> v) {
        if (d.logoFileId() == null) {
            v.add(Violation.of("logo", null, "upload the product logo (JPG or PNG, 120×120 recommended)"));
        }
        if (d.imageFileIds().size() > ProductDraft.MAX_IMAGES) {
            v.add(Violation.of("tooManyImages", Integer.toString(d.imageFileIds().size()),
                    "a product has at most " + ProductDraft.MAX_IMAGES + " images"));
        }
        // professional services are not software: no copyright certificate to show
        if (d.copyrightFileId() == null && d.accessType() != AccessType.PROFESSIONAL_SERVICE) {
            v.add(Violation.of("copyright", null,
                    "upload the software copyright certificate (软件著作权证书) or a commitment letter (承诺函)"));
        }
    }

    /** Specs and prices: the template's spec count, a name and a price per spec, trials on periodic specs only. */
    public static void specs(ProductDraft d, List<Violation> v) {
        if (d.skus().isEmpty()) {
            v.add(Violation.of("skuRequired", null, "add at least one spec (SKU) with its price"));
            return;
        }
        if (d.priceTemplate() == PriceTemplate.SIMPLE && d.skus().size() > 1) {
            v.add(Violation.of("simpleTemplateOneSku", Integer.toString(d.skus().size()),
                    "the simple price template has one spec; choose the custom template for several"));
        }
        Set<String> names = new LinkedHashSet<>();
        for (DraftSku s : d.skus()) {
            String label = blank(s.name()) ? s.skuCode() : s.name().strip();
            if (blank(s.name())) {
                v.add(Violation.of("skuName", label, "spec " + label + " needs a name"));
            } else if (!names.add(s.name().strip())) {
                v.add(Violation.of("skuNameTwice", label, "two specs are called " + label));
            }
            if (s.chargingMode() == null) {
                v.add(Violation.of("skuChargingMode", label, "spec " + label + " needs a charging mode"));
                continue;
            }
            switch (s.chargingMode()) {
                case PERIOD -> {
                    if (s.monthPrice() == null && s.yearPrice() == null) {
                        v.add(Violation.of("skuPeriodPrice", label, "periodic spec " + label + " needs a month and/or a year price"));
                    }
                    price(label, s.monthPrice(), v);
                    price(label, s.yearPrice(), v);
                }
                case ONE_TIME, ON_DEMAND_PKG -> {
                    if (s.price() == null) {
                        v.add(Violation.of("skuOncePrice", label, "spec " + label + " needs its price"));
                    }
                    price(label, s.price(), v);
                }
                case ON_DEMAND -> {
                    if (s.unitPrice() == null || s.unitPrice().signum() <= 0 || s.unitPrice().scale() > 4
                            || blank(s.usageUnit())) {
                        v.add(Violation.of("skuUnitPrice", label,
                                "pay-per-use spec " + label + " needs a unit price above 0 (at most 4 decimals) and its usage unit"));
                    }
                }
            }
            trial(label, s.chargingMode(), s.trialDays(), v);
        }
    }

    /** 允许试用: only 包年/包月 specs, 3 to 180 days. */
    public static void trial(String label, ChargingMode.Known mode, Integer trialDays, List<Violation> v) {
        if (trialDays == null) {
            return;
        }
        if (mode != ChargingMode.Known.PERIOD) {
            v.add(Violation.of("trialOnlyPeriodic", label, "spec " + label + ": a trial is allowed on periodic (包年/包月) specs only"));
        } else if (trialDays < Catalog.MIN_TRIAL_DAYS || trialDays > Catalog.MAX_TRIAL_DAYS) {
            v.add(Violation.of("trialDays", label, "spec " + label + ": trial days are " + Catalog.MIN_TRIAL_DAYS
                    + " to " + Catalog.MAX_TRIAL_DAYS + ", not " + trialDays));
        }
    }

    private static void price(String label, BigDecimal amount, List<Violation> v) {
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2)) {
            v.add(Violation.of("skuPriceFormat", label + " " + amount.toPlainString(),
                    "spec " + label + ": a price is 0 or more with at most 2 decimals, not " + amount.toPlainString()));
        }
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> hits = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && hits.size() < 5) {
            hits.add(m.group().strip().isEmpty() ? m.group() : m.group().strip());
        }
        return hits;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
