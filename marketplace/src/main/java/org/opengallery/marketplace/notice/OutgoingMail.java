package org.opengallery.marketplace.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The one way the marketplace sends e-mail. Without {@code spring.mail.host} there is no sender: nothing is sent and
 * INFO says so once. A send never throws and never waits on a silent SMTP server for more than 5 s (mails go out
 * from delivery threads and after commits); a failure is logged with the subject's kind only, never the content.
 */
@Component
public class OutgoingMail {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingMail.class);

    private final ObjectProvider<JavaMailSender> senders;
    private volatile boolean offLogged;

    public OutgoingMail(ObjectProvider<JavaMailSender> senders) {
        this.senders = senders;
    }

    /** Sends a plain-text mail; {@code what} names it in logs (e.g. "failure notice for call 7"). */
    public void send(String from, String to, String subject, String text, String what) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            if (!offLogged) {
                offLogged = true;
                LOG.info("mail is off (no spring.mail.host): notices are not e-mailed");
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
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            LOG.warn("{} not sent: {}", what, e.getClass().getSimpleName());
        }
    }
}
