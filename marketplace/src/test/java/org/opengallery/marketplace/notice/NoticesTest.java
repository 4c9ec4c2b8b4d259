package org.opengallery.marketplace.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

class NoticesTest extends DomainTest {

    private final List<SimpleMailMessage> sent = new ArrayList<>();

    private Notices notices() {
        var beans = new StaticListableBeanFactory();
        beans.addBean("mail", new RecordingSender());
        return new Notices(jdbc, clock, new OutgoingMail(beans.getBeanProvider(JavaMailSender.class)),
                "market@example.com");
    }

    @Test
    void aNoticeReachesOnlyItsRecipient() {
        Notices notices = notices();
        long seller = seller();
        long other = seller();
        long id = notices.post(Recipient.seller(seller), null, "TEST", "Your application", "Approved.", "/seller");

        assertThat(notices.of(Recipient.seller(seller), 10)).extracting(Notice::id).containsExactly(id);
        assertThat(notices.of(Recipient.seller(other), 10)).isEmpty();
        assertThat(notices.one(Recipient.seller(other), id)).isEmpty();
        assertThat(notices.one(Recipient.buyer(seller), id)).as("same id, other role").isEmpty();
    }

    @Test
    void readingANoticeLowersTheUnreadCount() {
        Notices notices = notices();
        Recipient me = Recipient.seller(seller());
        long first = notices.post(me, null, "TEST", "one", "1", null);
        notices.post(me, null, "TEST", "two", "2", null);
        assertThat(notices.unreadCount(me)).isEqualTo(2);

        assertThat(notices.markRead(me, first)).isTrue();
        assertThat(notices.unreadCount(me)).isEqualTo(1);
        assertThat(notices.markRead(Recipient.seller(me.subjectId() + 100_000), first)).isFalse();

        notices.markAllRead(me);
        assertThat(notices.unreadCount(me)).isZero();
    }

    @Test
    void theMailGoesOutOnlyWhenTheStepCommits() {
        Notices notices = notices();
        Recipient me = Recipient.seller(seller());
        transaction.executeWithoutResult(status -> {
            notices.post(me, "isv@example.com", "TEST", "rolled back", "never happened", null);
            status.setRollbackOnly();
        });
        assertThat(sent).isEmpty();
        assertThat(notices.of(me, 10)).isEmpty();

        transaction.executeWithoutResult(status -> {
            notices.post(me, "isv@example.com", "TEST", "committed", "happened", null);
            assertThat(sent).as("not before the commit").isEmpty();
        });
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("isv@example.com");
            assertThat(m.getSubject()).isEqualTo("[OpenGallery] committed");
            assertThat(m.getText()).isEqualTo("happened");
        });
    }

    @Test
    void withoutAnAddressNothingIsMailed() {
        notices().post(Recipient.buyer(1), " ", "TEST", "quiet", "stored only", null);
        assertThat(sent).isEmpty();
    }

    private final class RecordingSender implements JavaMailSender {
        @Override
        public void send(SimpleMailMessage... messages) {
            sent.addAll(List.of(messages));
        }

        @Override
        public MimeMessage createMimeMessage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void send(MimeMessage... mimeMessages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void send(MimeMessagePreparator... mimeMessagePreparators) {
            throw new UnsupportedOperationException();
        }
    }
}
