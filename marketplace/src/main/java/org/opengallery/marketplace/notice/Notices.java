package org.opengallery.marketplace.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opengallery.marketplace.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The message center (消息中心): every capability tells a user something through {@link #post}. The notice is
 * stored in the caller's transaction (it exists exactly when what it tells of happened) and, when an e-mail address
 * is given and mail is configured ({@code spring.mail.host}), mailed after that transaction commits — a slow or
 * failing SMTP server never rolls back or holds up the business step. Notices are written in the platform's
 * language by the caller (the texts come from its message bundle).
 */
@Service
public class Notices {

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> senders;
    private final String from;
    private volatile boolean offLogged;

    public Notices(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> senders,
            @Value("${opengallery.marketplace.mail.from:opengallery@localhost}") String from) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.senders = senders;
        this.from = from;
    }

    /**
     * Stores a notice for {@code to} and, when {@code email} is not blank, mails it there once the current
     * transaction (if any) commits. {@code kind} names what happened (e.g. {@code ONBOARDING_APPROVED}); {@code link}
     * is the console page it is about, or null.
     */
    public long post(Recipient to, String email, String kind, String title, String body, String link) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notice (role, subject_id, kind, title, body, link, emailed_to, created_at)
                VALUES (:role, :subject, :kind, :title, :body, :link, :email, :now)""")
                .param("role", to.role().name()).param("subject", to.subjectId()).param("kind", kind)
                .param("title", clip(title, 300)).param("body", clip(body, 4000)).param("link", link)
                .param("email", email == null || email.isBlank() ? null : email)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (email != null && !email.isBlank()) {
            Runnable mail = () -> mail(email, title, body);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        mail.run();
                    }
                });
            } else {
                mail.run();
            }
        }
        return id;
    }

    /** This user's notices, newest first (at most {@code limit}). */
    public List<Notice> of(Recipient to, int limit) {
        return jdbc.sql("""
                SELECT id, role, subject_id, kind, title, body, link, created_at, read_at FROM notice
                WHERE role = :role AND subject_id = :subject ORDER BY id DESC""")
                .param("role", to.role().name()).param("subject", to.subjectId())
                // list(), not stream(): JdbcClient's stream holds its connection until closed, so an unclosed one
                // leaked a pooled connection per call
                .query(Notices::notice).list().stream().limit(limit).toList();
    }

    /** One of this user's notices; another user's notice is not found. */
    public Optional<Notice> one(Recipient to, long id) {
        return jdbc.sql("""
                SELECT id, role, subject_id, kind, title, body, link, created_at, read_at FROM notice
                WHERE id = :id AND role = :role AND subject_id = :subject""")
                .param("id", id).param("role", to.role().name()).param("subject", to.subjectId())
                .query(Notices::notice).optional();
    }

    public int unreadCount(Recipient to) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE role = :role AND subject_id = :subject AND read_at IS NULL")
                .param("role", to.role().name()).param("subject", to.subjectId()).query(Integer.class).single();
    }

    /** Marks one of this user's notices read; false when it is not this user's. */
    public boolean markRead(Recipient to, long id) {
        return jdbc.sql("""
                UPDATE notice SET read_at = :now
                WHERE id = :id AND role = :role AND subject_id = :subject AND read_at IS NULL""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id)
                .param("role", to.role().name()).param("subject", to.subjectId()).update() == 1
                || one(to, id).isPresent();
    }

    public void markAllRead(Recipient to) {
        jdbc.sql("UPDATE notice SET read_at = :now WHERE role = :role AND subject_id = :subject AND read_at IS NULL")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("role", to.role().name()).param("subject", to.subjectId()).update();
    }

    private void mail(String to, String title, String body) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            if (!offLogged) {
                offLogged = true;
                LOG.info("mail is off (no spring.mail.host): message-center notices are not e-mailed");
            }
            return;
        }
        if (sender instanceof JavaMailSenderImpl impl) {
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "5000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "5000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "5000");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("[OpenGallery] " + title);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            LOG.warn("notice '{}' not mailed: {}", clip(title, 80), e.getClass().getSimpleName());
        }
    }

    private static Notice notice(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Notice(rs.getLong(1), new Recipient(Role.valueOf(rs.getString(2)), rs.getLong(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9));
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
