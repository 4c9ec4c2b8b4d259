package org.opengallery.marketplace.onboarding;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opengallery.marketplace.onboarding.FormProblems.Problem;

/**
 * The rules of the 商家入驻 form (platform.md §1.3), each with its own code and message. Kept apart from storage so
 * each rule is easy to read and to test.
 *
 * <p>Choices where the spec is silent: a company website is an absolute http(s) URL whose host is a domain name
 * (a bare IPv4/IPv6 address or a dot-less host like {@code localhost} is refused, because "must open" for the public
 * means a resolvable name) and whose path or query does not look like a sign-in page (login, signin, logon, sso,
 * auth, passport), because the spec forbids "a product login URL". The introduction must be English: no Han
 * characters and at least 20 Latin letters.
 */
final class ApplicationRules {

    /** 经营年限 choices (per the business licence). */
    static final List<String> BUSINESS_YEARS = List.of("LT1", "Y1_3", "Y3_5", "Y5_10", "GT10");
    /** 雇员规模 choices. */
    static final List<String> EMPLOYEE_SCALES = List.of("LT15", "S15_50", "S50_200", "S200_1000", "GT1000");

    /**
     * Superlatives the advertising law forbids in a company introduction (最高级, 国家级, 最佳 and kin). The one
     * place this list lives; Latin entries match as whole words, ignoring case.
     */
    static final List<String> SUPERLATIVES = List.of("最高级", "国家级", "世界级", "最佳", "最好", "最优", "最先进",
            "第一", "顶级", "首个", "首选", "唯一", "极致", "best", "No.1", "No 1", "number one", "world-class",
            "world class", "world's first", "top-ranked", "top 1", "greatest", "ultimate", "unrivalled",
            "unrivaled", "unbeatable", "unparalleled", "most advanced", "leading brand");

    /** Top-level domains that make a token look like an external address (example.com, shop.io …). */
    private static final Pattern DOMAIN_LIKE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.(com|cn|net|org|io|co|info|biz|cloud|app|dev"
                    + "|tech|ai|me|xyz|top|site|online|shop|store|hk|tw|uk|de|jp|sg|us|eu|edu|gov)(?![\\p{L}\\p{N}])");
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|ftp://|www\\.)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern LOGIN_PAGE = Pattern.compile("(?i)(log-?in|sign-?in|log-?on|sso|auth|passport)");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{2,9}");
    static final int MIN_INTRO_LETTERS = 20;
    static final int MAX_INTRO = 2000;

    private ApplicationRules() {}

    /** Every problem that keeps this form, with these uploads, from being submitted; empty when it may go. */
    static List<Problem> submittable(ApplicationForm f, Long logoFileId, Long licenceFileId) {
        List<Problem> p = new ArrayList<>(lengths(f));
        if (f.applicantType() == null) {
            p.add(new Problem("onboarding_type", "choose enterprise (企业) or individual developer (个人开发者)"));
        }
        if (blank(f.companyName())) {
            p.add(new Problem("onboarding_name", f.enterprise() ? "enter the company name as on the business licence"
                    : "enter your name (姓名)"));
        }
        if (f.enterprise()) {
            website(f.website(), p);
            if (f.businessYears() == null || !BUSINESS_YEARS.contains(f.businessYears())) {
                p.add(new Problem("onboarding_business_years", "choose the years in business (经营年限) per the licence"));
            }
            if (f.employeeScale() == null || !EMPLOYEE_SCALES.contains(f.employeeScale())) {
                p.add(new Problem("onboarding_employee_scale", "choose the number of employees (雇员规模)"));
            }
            capital(f.registeredCapital(), p);
            if (licenceFileId == null) {
                p.add(new Problem("onboarding_licence", "upload the latest business licence (营业执照): PDF, JPG or PNG"));
            }
        }
        if (blank(f.contactName()) || !phone(f.contactPhone()) || !email(f.contactEmail())) {
            p.add(new Problem("onboarding_contact",
                    "enter the business contact's name, a mobile number (digits, + - ( ) and spaces) and an e-mail"));
        }
        if (blank(f.country()) || blank(f.province()) || blank(f.city()) || blank(f.addressLine())) {
            p.add(new Problem("onboarding_address", "enter the contact address: country, province, city and street"));
        }
        if (blank(f.postcode()) || !POSTCODE.matcher(f.postcode().strip()).matches()) {
            p.add(new Problem("onboarding_postcode", "enter a postcode of 3 to 10 letters or digits"));
        }
        if (!phone(f.servicePhone())) {
            p.add(new Problem("onboarding_service_phone",
                    "enter the customer-service phone buyers call (answered within 24 h), e.g. +86 10 12345678"));
        }
        if (!email(f.serviceEmail())) {
            p.add(new Problem("onboarding_service_email",
                    "enter the customer-service e-mail, like service@example.com; review results are sent there"));
        }
        introduction(f.introduction(), p);
        if (logoFileId == null) {
            p.add(new Problem("onboarding_logo", "upload the company logo: JPG or PNG, at most 5 MB (168×80 suggested)"));
        }
        if (!f.agreementAccepted()) {
            p.add(new Problem("onboarding_agreement", "tick the agreement to become a KooGallery seller"));
        }
        return p;
    }

    /** What even a draft must respect: no field longer than its column. */
    static List<Problem> lengths(ApplicationForm f) {
        boolean tooLong = longer(f.companyName(), 200) || longer(f.website(), 500) || longer(f.registeredCapital(), 25)
                || longer(f.contactName(), 100) || longer(f.contactPhone(), 40) || longer(f.contactEmail(), 254)
                || longer(f.country(), 100) || longer(f.province(), 100) || longer(f.city(), 100)
                || longer(f.addressLine(), 300) || longer(f.postcode(), 20) || longer(f.servicePhone(), 40)
                || longer(f.serviceEmail(), 254) || longer(f.introduction(), MAX_INTRO);
        return tooLong ? List.of(new Problem("onboarding_too_long", "a field is too long: names 100-200, address 300, "
                + "website 500, introduction " + MAX_INTRO + " characters")) : List.of();
    }

    static void website(String website, List<Problem> p) {
        if (blank(website)) {
            p.add(new Problem("onboarding_website", "enter the company website, starting with http:// or https://"));
            return;
        }
        URI uri;
        try {
            uri = new URI(website.strip());
        } catch (URISyntaxException e) {
            p.add(new Problem("onboarding_website", "the company website is not a web address: " + website));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            p.add(new Problem("onboarding_website", "the company website must start with http:// or https:// and name "
                    + "a host, e.g. https://www.example.com"));
            return;
        }
        String host = uri.getHost();
        if (IPV4.matcher(host).matches() || host.startsWith("[") || !host.contains(".")) {
            p.add(new Problem("onboarding_website_host",
                    "the company website must use a domain name, not an IP address or a local host name"));
        }
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath()) + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (LOGIN_PAGE.matcher(rest).find()) {
            p.add(new Problem("onboarding_website_login",
                    "give the company homepage, not a product's sign-in page"));
        }
    }

    static void capital(String capital, List<Problem> p) {
        BigDecimal amount = null;
        try {
            amount = blank(capital) ? null : new BigDecimal(capital.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 17) {
            p.add(new Problem("onboarding_capital", "enter the registered capital in CNY as a positive number, e.g. 500000"));
        }
    }

    static void introduction(String intro, List<Problem> p) {
        if (blank(intro)) {
            p.add(new Problem("onboarding_intro", "write the company introduction in English"));
            return;
        }
        if (LINK.matcher(intro).find() || DOMAIN_LIKE.matcher(intro).find()) {
            p.add(new Problem("onboarding_intro_link",
                    "remove external links and web or e-mail addresses from the introduction"));
        }
        List<String> found = superlatives(intro);
        if (!found.isEmpty()) {
            p.add(new Problem("onboarding_intro_superlative", "remove superlatives (advertising law) from the "
                    + "introduction: " + String.join(", ", found), String.join(", ", found)));
        }
        if (HAN.matcher(intro).find() || LATIN_LETTER.matcher(intro).results().count() < MIN_INTRO_LETTERS) {
            p.add(new Problem("onboarding_intro_english",
                    "write the introduction in English (no Chinese characters, at least " + MIN_INTRO_LETTERS + " letters)"));
        }
    }

    /** The forbidden superlatives this text uses, as listed in {@link #SUPERLATIVES}. */
    static List<String> superlatives(String text) {
        List<String> found = new ArrayList<>();
        for (String word : SUPERLATIVES) {
            boolean latin = word.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
            boolean hit = latin
                    ? Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find()
                    : text.contains(word);
            if (hit) {
                found.add(word);
            }
        }
        return found;
    }

    static boolean phone(String s) {
        if (blank(s) || !PHONE.matcher(s.strip()).matches()) {
            return false;
        }
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 6 && digits <= 20;
    }

    static boolean email(String s) {
        return !blank(s) && s.length() <= 254 && EMAIL.matcher(s.strip()).matches();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean longer(String s, int max) {
        return s != null && s.strip().length() > max;
    }
}
