package org.opengallery.marketplace.onboarding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.opengallery.marketplace.onboarding.FormProblems.Problem;
import org.opengallery.marketplace.seller.Seller;
import org.opengallery.marketplace.seller.Sellers;
import org.opengallery.marketplace.upload.FileRule;
import org.opengallery.marketplace.upload.StoredFile;
import org.opengallery.marketplace.upload.Uploads;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 商家入驻: registering a seller account, the application (draft, submit, operator review) and the shortcut that
 * admits the demo's and the tests' sellers. Notices go to the operators on submission and to the seller's
 * customer-service e-mail (as given in the application) on the review's outcome.
 */
@Service
public class Onboarding {

    /** Review dates are Beijing dates: the platform's operators work on Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Notices are written in the platform's language. */
    static final Locale PLATFORM = Locale.SIMPLIFIED_CHINESE;
    static final String LOGO = "onboarding-logo";
    static final String LICENCE = "onboarding-licence";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sellers sellers;
    private final Logins logins;
    private final Uploads uploads;
    private final Notices notices;
    private final MessageSource messages;

    Onboarding(JdbcClient jdbc, Clock clock, Sellers sellers, Logins logins, Uploads uploads, Notices notices,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sellers = sellers;
        this.logins = logins;
        this.uploads = uploads;
        this.notices = notices;
        this.messages = messages;
    }

    /** A new seller account (卖家注册) with its password login; the login is refused when any role holds it. */
    @Transactional
    public Seller register(String login, String password, String sellerName, String customerServiceEmail) {
        if (password == null || password.length() < 8 || password.length() > 72) {
            throw ApiException.badRequest("invalid_password", "a password is 8 to 72 characters");
        }
        if (login != null && logins.find(login.strip()).isPresent()) {
            throw ApiException.conflict("login_taken", "the login " + login.strip() + " is taken; choose another");
        }
        Seller seller = sellers.register(sellerName, login == null ? null : login.strip(), customerServiceEmail);
        logins.create(seller.login(), Role.SELLER, seller.id(), password);
        return seller;
    }

    // ---- the application ---------------------------------------------------------------------------------------

    public Optional<Application> application(long sellerId) {
        return jdbc.sql(SELECT + " WHERE seller_id = :seller").param("seller", sellerId)
                .query(Onboarding::application).optional();
    }

    /** One application by its id, for the operators. */
    public Application applicationById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Onboarding::application).optional()
                .orElseThrow(() -> ApiException.notFound("application", Long.toString(id)));
    }

    /**
     * Keeps the form as a draft (incomplete is fine) with the uploads given (null or empty keeps the one stored).
     * Only a draft or a rejected application can be changed.
     */
    @Transactional
    public Application saveDraft(long sellerId, ApplicationForm form, MultipartFile logo, MultipartFile licence) {
        List<Problem> problems = ApplicationRules.lengths(form);
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        Optional<Application> existing = application(sellerId);
        if (existing.isPresent() && !existing.get().status().editable()) {
            throw ApiException.conflict("onboarding_not_editable", "the application is "
                    + existing.get().status().name().toLowerCase(Locale.ROOT) + " and can no longer be changed");
        }
        Long logoId = stored(sellerId, LOGO, FileRule.IMAGE, true, logo)
                .orElse(existing.map(Application::logoFileId).orElse(null));
        Long licenceId = stored(sellerId, LICENCE, FileRule.DOCUMENT, false, licence)
                .orElse(existing.map(Application::licenceFileId).orElse(null));
        ApplicationStatus status = existing.map(Application::status).orElse(ApplicationStatus.DRAFT);
        var sql = existing.isPresent() ? UPDATE : INSERT;
        jdbc.sql(sql).param("seller", sellerId).param("type", form.applicantType() == null
                        ? ApplicantType.ENTERPRISE.name() : form.applicantType().name())
                .param("status", status.name()).param("name", strip(form.companyName()))
                .param("website", strip(form.website())).param("years", strip(form.businessYears()))
                .param("scale", strip(form.employeeScale())).param("capital", capital(form.registeredCapital()))
                .param("contactName", strip(form.contactName())).param("contactPhone", strip(form.contactPhone()))
                .param("contactEmail", strip(form.contactEmail())).param("country", strip(form.country()))
                .param("province", strip(form.province())).param("city", strip(form.city()))
                .param("addressLine", strip(form.addressLine())).param("postcode", strip(form.postcode()))
                .param("servicePhone", strip(form.servicePhone())).param("serviceEmail", strip(form.serviceEmail()))
                .param("intro", strip(form.introduction())).param("logo", logoId).param("licence", licenceId)
                .param("agreement", form.agreementAccepted()).param("now", now())
                .update();
        return application(sellerId).orElseThrow();
    }

    /**
     * Saves and hands in the application: every §1.3 rule must hold (all problems are reported at once, and the
     * draft is kept so nothing typed is lost). Starts the 3-working-day review and tells the operators.
     */
    @Transactional(noRollbackFor = FormProblems.class)
    public Application submit(long sellerId, ApplicationForm form, MultipartFile logo, MultipartFile licence) {
        Application saved = saveDraft(sellerId, form, logo, licence);
        List<Problem> problems = ApplicationRules.submittable(saved.form(), saved.logoFileId(), saved.licenceFileId());
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        LocalDate due = WorkingDays.after(LocalDate.ofInstant(clock.instant(), ZONE), WorkingDays.ONBOARDING_REVIEW);
        jdbc.sql("""
                UPDATE onboarding_application SET status = 'SUBMITTED', submitted_at = :now, review_due = :due,
                       reject_reason = NULL, reviewed_at = NULL, reviewed_by = NULL
                WHERE seller_id = :seller""")
                .param("now", now()).param("due", due).param("seller", sellerId).update();
        notices.post(Recipient.operators(), null, "ONBOARDING_SUBMITTED",
                text("onboarding.notice.submitted.title", saved.form().companyName()),
                text("onboarding.notice.submitted.body", saved.form().companyName(), due.toString()),
                "/operator/onboarding/" + saved.id());
        return application(sellerId).orElseThrow();
    }

    /** The operators' queue: submitted applications, the longest waiting first. */
    public List<Application> awaitingReview() {
        return jdbc.sql(SELECT + " WHERE status = 'SUBMITTED' ORDER BY submitted_at, id")
                .query(Onboarding::application).list();
    }

    @Transactional
    public Application approve(long applicationId, long operatorId) {
        Application a = submitted(applicationId);
        review(a, ApplicationStatus.APPROVED, operatorId, null);
        notices.post(Recipient.seller(a.sellerId()), a.form().serviceEmail(), "ONBOARDING_APPROVED",
                text("onboarding.notice.approved.title"), text("onboarding.notice.approved.body"),
                "/seller/onboarding");
        return applicationById(applicationId);
    }

    @Transactional
    public Application reject(long applicationId, long operatorId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw ApiException.badRequest("onboarding_reason", "give the reason for rejecting (1 to 500 characters)");
        }
        Application a = submitted(applicationId);
        review(a, ApplicationStatus.REJECTED, operatorId, reason.strip());
        notices.post(Recipient.seller(a.sellerId()), a.form().serviceEmail(), "ONBOARDING_REJECTED",
                text("onboarding.notice.rejected.title"), text("onboarding.notice.rejected.body", reason.strip()),
                "/seller/onboarding");
        return applicationById(applicationId);
    }

    /** A file of this application (logo or licence) for whoever may see it; another file is not found. */
    public StoredFile file(Application a, long fileId) {
        boolean ours = Long.valueOf(fileId).equals(a.logoFileId()) || Long.valueOf(fileId).equals(a.licenceFileId());
        return uploads.file(fileId).filter(f -> ours)
                .orElseThrow(() -> ApiException.notFound("file", Long.toString(fileId)));
    }

    public byte[] content(StoredFile file) {
        return uploads.content(file.id());
    }

    /**
     * The demo's and the test fixtures' seller: an approved application (filled from the seller's record, reviewed
     * by nobody), so it may go on to sign and certify. Does nothing to a seller already approved.
     */
    @Transactional
    public void approveWithoutReview(long sellerId) {
        Seller seller = sellers.seller(sellerId).orElseThrow(() -> ApiException.notFound("seller", Long.toString(sellerId)));
        if (application(sellerId).map(a -> a.status() == ApplicationStatus.APPROVED).orElse(false)) {
            return;
        }
        jdbc.sql("DELETE FROM onboarding_application WHERE seller_id = :seller").param("seller", sellerId).update();
        jdbc.sql("""
                INSERT INTO onboarding_application (seller_id, applicant_type, status, company_name, service_email,
                       agreement_accepted, submitted_at, review_due, reviewed_at, updated_at)
                VALUES (:seller, 'ENTERPRISE', 'APPROVED', :name, :email, TRUE, :now, :due, :now, :now)""")
                .param("seller", sellerId).param("name", seller.name()).param("email", seller.customerServiceEmail())
                .param("now", now()).param("due", LocalDate.ofInstant(clock.instant(), ZONE)).update();
    }

    /** Today on the platform's calendar. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    // ---- inside ------------------------------------------------------------------------------------------------

    private Application submitted(long applicationId) {
        Application a = applicationById(applicationId);
        if (a.status() != ApplicationStatus.SUBMITTED) {
            throw ApiException.conflict("onboarding_not_submitted", "application " + applicationId + " is "
                    + a.status().name().toLowerCase(Locale.ROOT) + ", not waiting for review");
        }
        return a;
    }

    private void review(Application a, ApplicationStatus outcome, long operatorId, String reason) {
        jdbc.sql("""
                UPDATE onboarding_application SET status = :status, reviewed_at = :now, reviewed_by = :operator,
                       reject_reason = :reason
                WHERE id = :id AND status = 'SUBMITTED'""")
                .param("status", outcome.name()).param("now", now()).param("operator", operatorId)
                .param("reason", reason).param("id", a.id()).update();
    }

    private Optional<Long> stored(long sellerId, String purpose, FileRule rule, boolean publicFile, MultipartFile f) {
        if (f == null || f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(uploads.store(Role.SELLER, sellerId, purpose, rule, publicFile, f).id());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, PLATFORM);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The capital as typed when it is a number (the submit rules judge it), else nothing stored. */
    private static BigDecimal capital(String s) {
        try {
            BigDecimal v = s == null || s.isBlank() ? null : new BigDecimal(s.strip().replace(",", ""));
            return v == null || v.scale() > 2 || v.precision() - v.scale() > 17 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final String SELECT = """
            SELECT id, seller_id, applicant_type, status, company_name, website, business_years, employee_scale,
                   registered_capital, contact_name, contact_phone, contact_email, country, province, city,
                   address_line, postcode, service_phone, service_email, introduction, logo_file_id, licence_file_id,
                   agreement_accepted, submitted_at, review_due, reviewed_at, reject_reason
            FROM onboarding_application""";

    private static final String INSERT = """
            INSERT INTO onboarding_application (seller_id, applicant_type, status, company_name, website,
                   business_years, employee_scale, registered_capital, contact_name, contact_phone, contact_email,
                   country, province, city, address_line, postcode, service_phone, service_email, introduction,
                   logo_file_id, licence_file_id, agreement_accepted, updated_at)
            VALUES (:seller, :type, :status, :name, :website, :years, :scale, :capital, :contactName, :contactPhone,
                   :contactEmail, :country, :province, :city, :addressLine, :postcode, :servicePhone, :serviceEmail,
                   :intro, :logo, :licence, :agreement, :now)""";

    private static final String UPDATE = """
            UPDATE onboarding_application SET applicant_type = :type, status = :status, company_name = :name,
                   website = :website, business_years = :years, employee_scale = :scale, registered_capital = :capital,
                   contact_name = :contactName, contact_phone = :contactPhone, contact_email = :contactEmail,
                   country = :country, province = :province, city = :city, address_line = :addressLine,
                   postcode = :postcode, service_phone = :servicePhone, service_email = :serviceEmail,
                   introduction = :intro, logo_file_id = :logo, licence_file_id = :licence,
                   agreement_accepted = :agreement, updated_at = :now
            WHERE seller_id = :seller""";

    private static Application application(ResultSet rs, int n) throws SQLException {
        BigDecimal capital = rs.getBigDecimal("registered_capital");
        var form = new ApplicationForm(ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("company_name"), rs.getString("website"), rs.getString("business_years"),
                rs.getString("employee_scale"), capital == null ? null : capital.stripTrailingZeros().toPlainString(),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("country"), rs.getString("province"), rs.getString("city"), rs.getString("address_line"),
                rs.getString("postcode"), rs.getString("service_phone"), rs.getString("service_email"),
                rs.getString("introduction"), rs.getBoolean("agreement_accepted"));
        return new Application(rs.getLong("id"), rs.getLong("seller_id"), form, nullableLong(rs, "logo_file_id"),
                nullableLong(rs, "licence_file_id"), ApplicationStatus.valueOf(rs.getString("status")),
                instant(rs, "submitted_at"), rs.getObject("review_due", LocalDate.class), instant(rs, "reviewed_at"),
                rs.getString("reject_reason"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
