package org.opengallery.marketplace.onboarding;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.onboarding.CertificationForm.TaxpayerType;
import org.opengallery.marketplace.onboarding.FormProblems.Problem;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 协议签署 and 商业信息认证 (platform.md §1.4, §1.6). After its application is approved a seller signs the
 * cooperation agreement with a Huawei Cloud entity, then certifies its settlement data for that entity.
 *
 * <p>Amount verification is simulated: submitting draws a random amount of 0.01–0.99 CNY that a real platform
 * would transfer to the account; it is stored and shown to operators on their certification page (standing in for
 * the bank statement the seller reads). The seller enters the amount received: right certifies; each wrong entry
 * costs one of {@value #ATTEMPTS} attempts and the last one locks the certification until an operator unlocks it
 * (3 fresh attempts, a new amount), approves it on an offline bank confirmation letter, or rejects it.
 */
@Service
public class Certifications {

    public static final int ATTEMPTS = 3;
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{8,30}");
    private static final Pattern TAX_ID = Pattern.compile("[0-9A-Z]{15,20}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Onboarding onboarding;
    private final Notices notices;
    private final SecureRandom random = new SecureRandom();

    Certifications(JdbcClient jdbc, Clock clock, Onboarding onboarding, Notices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.onboarding = onboarding;
        this.notices = notices;
    }

    // ---- 协议签署 ------------------------------------------------------------------------------------------------

    /** Signs 《云商店商家合作协议》 with this entity; only an approved seller may, and signing twice changes nothing. */
    @Transactional
    public Agreement sign(long sellerId, ContractingEntity entity, String signedBy) {
        Application approved = approvedApplication(sellerId);
        if (entity == ContractingEntity.SPARKOO_SG && agreement(sellerId, ContractingEntity.HUAWEI_CLOUD_CN).isEmpty()) {
            throw ApiException.conflict("certification_sign_china_first",
                    "sign with " + ContractingEntity.HUAWEI_CLOUD_CN.legalName() + " (China site) first");
        }
        // signing twice keeps the first signature (checked first: a failed insert would abort a PostgreSQL transaction)
        if (agreement(sellerId, entity).isEmpty()) {
            jdbc.sql("""
                    INSERT INTO seller_agreement (seller_id, entity, agreement, signed_by, signed_at)
                    VALUES (:seller, :entity, :agreement, :by, :now)""")
                    .param("seller", approved.sellerId()).param("entity", entity.name())
                    .param("agreement", Agreement.COOPERATION).param("by", signedBy).param("now", now()).update();
        }
        return agreement(sellerId, entity).orElseThrow();
    }

    public Optional<Agreement> agreement(long sellerId, ContractingEntity entity) {
        return agreements(sellerId).stream().filter(a -> a.entity() == entity).findFirst();
    }

    public List<Agreement> agreements(long sellerId) {
        return jdbc.sql("""
                SELECT seller_id, entity, agreement, signed_by, signed_at FROM seller_agreement
                WHERE seller_id = :seller ORDER BY signed_at""")
                .param("seller", sellerId)
                .query((rs, n) -> new Agreement(rs.getLong(1), ContractingEntity.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), Onboarding.instant(rs, "signed_at")))
                .list();
    }

    // ---- 商业信息认证 ----------------------------------------------------------------------------------------------

    public Optional<Certification> certification(long sellerId, ContractingEntity entity) {
        return jdbc.sql(SELECT + " WHERE seller_id = :seller AND entity = :entity")
                .param("seller", sellerId).param("entity", entity.name())
                .query(Certifications::certification).optional();
    }

    public List<Certification> certifications(long sellerId) {
        return jdbc.sql(SELECT + " WHERE seller_id = :seller ORDER BY id").param("seller", sellerId)
                .query(Certifications::certification).list();
    }

    public Certification certificationById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Certifications::certification).optional()
                .orElseThrow(() -> ApiException.notFound("certification", Long.toString(id)));
    }

    /** The operators' queue: locked ones first (a seller is stuck), then those waiting for an amount, oldest first. */
    public List<Certification> queue() {
        return jdbc.sql(SELECT + """
                 WHERE status IN ('LOCKED', 'PENDING')
                ORDER BY CASE WHEN status = 'LOCKED' THEN 0 ELSE 1 END, submitted_at, id""")
                .query(Certifications::certification).list();
    }

    /**
     * Submits (or corrects, while the amount is not yet confirmed) the data for a signed entity and "sends" a new
     * verification amount. Corrections keep the attempts left; a rejected certification starts afresh.
     */
    @Transactional
    public Certification submit(long sellerId, ContractingEntity entity, CertificationForm form) {
        Application approved = approvedApplication(sellerId);
        if (agreement(sellerId, entity).isEmpty()) {
            throw ApiException.conflict("certification_agreement_missing",
                    "sign the cooperation agreement with " + entity.legalName() + " before certifying");
        }
        List<Problem> problems = problems(form, approved.form().companyName());
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        Optional<Certification> existing = certification(sellerId, entity);
        if (existing.isPresent() && (existing.get().status() == CertificationStatus.CERTIFIED
                || existing.get().status() == CertificationStatus.LOCKED)) {
            throw ApiException.conflict("certification_" + existing.get().status().name().toLowerCase(Locale.ROOT),
                    existing.get().status() == CertificationStatus.CERTIFIED
                            ? "the business information is certified; contact customer service to change it"
                            : "three wrong amounts locked the certification; an operator must unlock it first");
        }
        int attempts = existing.filter(c -> c.status() == CertificationStatus.PENDING)
                .map(Certification::attemptsLeft).orElse(ATTEMPTS);
        String accountNumber = form.accountNumber().replace(" ", "");
        if (existing.isPresent()) {
            jdbc.sql("DELETE FROM business_certification WHERE id = :id").param("id", existing.get().id()).update();
        }
        jdbc.sql("""
                INSERT INTO business_certification (seller_id, entity, status, account_name, bank_name, bank_branch,
                       account_number, taxpayer_type, tax_id, finance_name, finance_phone, finance_email,
                       verification_amount, attempts_left, submitted_at)
                VALUES (:seller, :entity, 'PENDING', :accountName, :bank, :branch, :number, :taxpayerType, :taxId,
                       :financeName, :financePhone, :financeEmail, :amount, :attempts, :now)""")
                .param("seller", sellerId).param("entity", entity.name())
                .param("accountName", form.accountName().strip()).param("bank", form.bankName().strip())
                .param("branch", form.bankBranch().strip()).param("number", accountNumber)
                .param("taxpayerType", form.taxpayerType()).param("taxId", form.taxId().strip())
                .param("financeName", form.financeName().strip()).param("financePhone", form.financePhone().strip())
                .param("financeEmail", form.financeEmail().strip()).param("amount", drawAmount())
                .param("attempts", attempts).param("now", now()).update();
        return certification(sellerId, entity).orElseThrow();
    }

    /** What entering an amount did: the status now and the attempts left. */
    public record Verification(CertificationStatus status, int attemptsLeft) {}

    /**
     * The seller enters the amount it received. Right: certified (a notice to the seller). Wrong: one attempt less;
     * the last one locks the certification (notices to the seller and the operators). A malformed amount costs
     * nothing.
     */
    @Transactional
    public Verification verify(long sellerId, ContractingEntity entity, String enteredAmount) {
        Certification c = certification(sellerId, entity)
                .orElseThrow(() -> ApiException.notFound("certification", entity.name()));
        if (c.status() != CertificationStatus.PENDING) {
            throw ApiException.conflict("certification_not_pending", "this certification is "
                    + c.status().name().toLowerCase(Locale.ROOT) + "; no amount is expected");
        }
        BigDecimal entered;
        try {
            entered = new BigDecimal(enteredAmount == null ? "" : enteredAmount.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("certification_amount_format",
                    "enter the amount received in yuan with two decimals, e.g. 0.37");
        }
        String email = sellerEmail(sellerId);
        if (entered.compareTo(c.verificationAmount()) == 0) {
            jdbc.sql("UPDATE business_certification SET status = 'CERTIFIED', certified_at = :now WHERE id = :id")
                    .param("now", now()).param("id", c.id()).update();
            notices.post(Recipient.seller(sellerId), email, "CERTIFICATION_CERTIFIED",
                    onboarding.text("onboarding.notice.certified.title"),
                    onboarding.text("onboarding.notice.certified.body", entity.legalName()), "/seller/certification");
            return new Verification(CertificationStatus.CERTIFIED, c.attemptsLeft());
        }
        int left = c.attemptsLeft() - 1;
        if (left > 0) {
            jdbc.sql("UPDATE business_certification SET attempts_left = :left WHERE id = :id")
                    .param("left", left).param("id", c.id()).update();
            return new Verification(CertificationStatus.PENDING, left);
        }
        jdbc.sql("UPDATE business_certification SET attempts_left = 0, status = 'LOCKED', locked_at = :now WHERE id = :id")
                .param("now", now()).param("id", c.id()).update();
        notices.post(Recipient.seller(sellerId), email, "CERTIFICATION_LOCKED",
                onboarding.text("onboarding.notice.locked.title"), onboarding.text("onboarding.notice.locked.body"),
                "/seller/certification");
        notices.post(Recipient.operators(), null, "CERTIFICATION_LOCKED",
                onboarding.text("onboarding.notice.lockedOperator.title", approvedApplication(sellerId).form().companyName()),
                onboarding.text("onboarding.notice.lockedOperator.body"), "/operator/certifications/" + c.id());
        return new Verification(CertificationStatus.LOCKED, 0);
    }

    /** An operator unlocks a locked certification: 3 new attempts and a new amount; the seller is told. */
    @Transactional
    public Certification unlock(long certificationId, long operatorId) {
        Certification c = inStatus(certificationId, CertificationStatus.LOCKED);
        jdbc.sql("""
                UPDATE business_certification SET status = 'PENDING', attempts_left = :attempts, locked_at = NULL,
                       verification_amount = :amount, reviewed_by = :operator
                WHERE id = :id""")
                .param("attempts", ATTEMPTS).param("amount", drawAmount()).param("operator", operatorId)
                .param("id", c.id()).update();
        notices.post(Recipient.seller(c.sellerId()), sellerEmail(c.sellerId()), "CERTIFICATION_UNLOCKED",
                onboarding.text("onboarding.notice.unlocked.title"),
                onboarding.text("onboarding.notice.unlocked.body", ATTEMPTS), "/seller/certification");
        return certificationById(certificationId);
    }

    /** An operator certifies a pending or locked one on evidence outside the amount check (a bank letter). */
    @Transactional
    public Certification approve(long certificationId, long operatorId) {
        Certification c = inStatus(certificationId, CertificationStatus.PENDING, CertificationStatus.LOCKED);
        jdbc.sql("""
                UPDATE business_certification SET status = 'CERTIFIED', certified_at = :now, locked_at = NULL,
                       reviewed_by = :operator
                WHERE id = :id""")
                .param("now", now()).param("operator", operatorId).param("id", c.id()).update();
        notices.post(Recipient.seller(c.sellerId()), sellerEmail(c.sellerId()), "CERTIFICATION_CERTIFIED",
                onboarding.text("onboarding.notice.certified.title"),
                onboarding.text("onboarding.notice.certified.body", c.entity().legalName()), "/seller/certification");
        return certificationById(certificationId);
    }

    /** An operator refuses a pending or locked one with a reason; the seller corrects the data and submits again. */
    @Transactional
    public Certification reject(long certificationId, long operatorId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw ApiException.badRequest("onboarding_reason", "give the reason for rejecting (1 to 500 characters)");
        }
        Certification c = inStatus(certificationId, CertificationStatus.PENDING, CertificationStatus.LOCKED);
        jdbc.sql("""
                UPDATE business_certification SET status = 'REJECTED', reject_reason = :reason, reviewed_by = :operator,
                       locked_at = NULL
                WHERE id = :id""")
                .param("reason", reason.strip()).param("operator", operatorId).param("id", c.id()).update();
        notices.post(Recipient.seller(c.sellerId()), sellerEmail(c.sellerId()), "CERTIFICATION_REJECTED",
                onboarding.text("onboarding.notice.certRejected.title"),
                onboarding.text("onboarding.notice.certRejected.body", reason.strip()), "/seller/certification");
        return certificationById(certificationId);
    }

    /**
     * The demo's and the test fixtures' seller: approved, signed with the China entity and certified, without
     * forms, reviews or transfers. Idempotent.
     */
    @Transactional
    public void admitWithoutReview(long sellerId) {
        onboarding.approveWithoutReview(sellerId);
        ContractingEntity entity = ContractingEntity.HUAWEI_CLOUD_CN;
        sign(sellerId, entity, "system");
        if (certification(sellerId, entity).map(c -> c.status() == CertificationStatus.CERTIFIED).orElse(false)) {
            return;
        }
        jdbc.sql("DELETE FROM business_certification WHERE seller_id = :seller AND entity = :entity")
                .param("seller", sellerId).param("entity", entity.name()).update();
        String name = approvedApplication(sellerId).form().companyName();
        jdbc.sql("""
                INSERT INTO business_certification (seller_id, entity, status, account_name, bank_name, bank_branch,
                       account_number, taxpayer_type, tax_id, finance_name, finance_phone, finance_email,
                       verification_amount, attempts_left, submitted_at, certified_at)
                VALUES (:seller, :entity, 'CERTIFIED', :name, 'Demo Bank', 'Demo Branch', '6222000000000000',
                       'GENERAL', '91110000000000000X', :name, '+86 10 00000000', 'finance@example.com', 0.01, :attempts,
                       :now, :now)""")
                .param("seller", sellerId).param("entity", entity.name()).param("name", name)
                .param("attempts", ATTEMPTS).param("now", now()).update();
    }

    // ---- inside ------------------------------------------------------------------------------------------------

    static List<Problem> problems(CertificationForm f, String entityName) {
        List<Problem> p = new ArrayList<>();
        if (ApplicationRules.blank(f.accountName()) || !f.accountName().strip().equals(entityName)) {
            p.add(new Problem("certification_account_name",
                    "the account name must be exactly the name in your approved application: " + entityName,
                    entityName));
        }
        if (ApplicationRules.blank(f.bankName()) || ApplicationRules.blank(f.bankBranch())
                || f.bankName().strip().length() > 200 || f.bankBranch().strip().length() > 200) {
            p.add(new Problem("certification_bank", "enter the bank and the branch (开户行) of the account"));
        }
        if (f.accountNumber() == null || !ACCOUNT_NUMBER.matcher(f.accountNumber().replace(" ", "")).matches()) {
            p.add(new Problem("certification_account_number", "the account number is 8 to 30 digits"));
        }
        if (!taxpayerType(f.taxpayerType())) {
            p.add(new Problem("certification_taxpayer_type", "choose the taxpayer type (纳税人身份)"));
        }
        if (f.taxId() == null || !TAX_ID.matcher(f.taxId().strip()).matches()) {
            p.add(new Problem("certification_tax_id",
                    "the tax id (unified social credit code) is 15 to 20 capital letters and digits"));
        }
        if (ApplicationRules.blank(f.financeName()) || f.financeName().strip().length() > 100
                || !ApplicationRules.phone(f.financePhone()) || !ApplicationRules.email(f.financeEmail())) {
            p.add(new Problem("certification_finance_contact",
                    "enter the finance contact's name, phone and e-mail"));
        }
        return p;
    }

    private static boolean taxpayerType(String s) {
        for (TaxpayerType t : TaxpayerType.values()) {
            if (t.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private Application approvedApplication(long sellerId) {
        return onboarding.application(sellerId).filter(a -> a.status() == ApplicationStatus.APPROVED)
                .orElseThrow(() -> ApiException.conflict("certification_not_onboarded",
                        "the onboarding application must be approved first"));
    }

    private Certification inStatus(long id, CertificationStatus... allowed) {
        Certification c = certificationById(id);
        for (CertificationStatus s : allowed) {
            if (c.status() == s) {
                return c;
            }
        }
        throw ApiException.conflict("certification_wrong_status", "certification " + id + " is "
                + c.status().name().toLowerCase(Locale.ROOT));
    }

    /** Results go to the customer-service e-mail of the application (where the platform writes to the seller). */
    private String sellerEmail(long sellerId) {
        return onboarding.application(sellerId).map(a -> a.form().serviceEmail()).orElse(null);
    }

    private BigDecimal drawAmount() {
        return BigDecimal.valueOf(1 + random.nextInt(99), 2);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final String SELECT = """
            SELECT id, seller_id, entity, status, account_name, bank_name, bank_branch, account_number, taxpayer_type,
                   tax_id, finance_name, finance_phone, finance_email, verification_amount, attempts_left,
                   submitted_at, certified_at, locked_at, reject_reason
            FROM business_certification""";

    private static Certification certification(ResultSet rs, int n) throws SQLException {
        var form = new CertificationForm(rs.getString("account_name"), rs.getString("bank_name"),
                rs.getString("bank_branch"), rs.getString("account_number"), rs.getString("taxpayer_type"),
                rs.getString("tax_id"), rs.getString("finance_name"), rs.getString("finance_phone"),
                rs.getString("finance_email"));
        return new Certification(rs.getLong("id"), rs.getLong("seller_id"),
                ContractingEntity.valueOf(rs.getString("entity")), CertificationStatus.valueOf(rs.getString("status")),
                form, rs.getBigDecimal("verification_amount"), rs.getInt("attempts_left"),
                Onboarding.instant(rs, "submitted_at"), Onboarding.instant(rs, "certified_at"),
                Onboarding.instant(rs, "locked_at"), rs.getString("reject_reason"));
    }
}
