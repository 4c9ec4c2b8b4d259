package org.opengallery.marketplace.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengallery.protocol.cipher.EncryptType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

/** Without spring.mail.host there is no mail sender: nothing is sent, INFO says mail is off, no content logged. */
@ExtendWith(OutputCaptureExtension.class)
class FailureMailerTest {

    @Test
    void withoutAMailHostMailIsOffAndSaysSoOnce(CapturedOutput output) {
        ObjectProvider<JavaMailSender> none = new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class);
        FailureMailer mailer = new FailureMailer(new org.opengallery.marketplace.notice.OutgoingMail(none),
                new DeliveryProperties());
        CallRow call = new CallRow(7, Activity.NEW_INSTANCE, CallRow.Phase.CALL, "CS1", "CS1-1", null, 1,
                "https://seller.example.com/p", SellerEndpoint.InterfaceVersion.V2, EncryptType.AES_256,
                "cs@seller.example.com", "v1:sealed", "{}", null, 0, 0, CallStatus.FAILED, null, Instant.now(),
                null, null, false, false, null, null, Instant.now(), Instant.now());

        mailer.firstFailure(call, "HTTP 500 secret-looking-detail", true);
        mailer.gaveUp(call, "HTTP 500 secret-looking-detail");

        assertThat(output.getOut()).containsOnlyOnce("mail is off").doesNotContain("secret-looking-detail");
    }
}
