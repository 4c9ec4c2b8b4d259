package org.opengallery.marketplace.delivery;

import org.slf4j.Logger;
import org.opengallery.marketplace.notice.OutgoingMail;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the seller's customer-service address that a production-interface call failed. Two mails per call at
 * most: on its first failure and when it gives up (one mail per retry attempt would flood the seller; the
 * 生产接口消息 list shows every attempt's 异常信息). Without {@code spring.mail.host} there is no mail sender and
 * nothing is sent (logged once at INFO). Mails carry the activity, ids, attempts and 异常信息 — never a key.
 */
@Component
class FailureMailer {

    private static final Logger LOG = LoggerFactory.getLogger(FailureMailer.class);

    private final OutgoingMail mail;
    private final String from;

    FailureMailer(OutgoingMail mail, DeliveryProperties properties) {
        this.mail = mail;
        this.from = properties.getMail().getFrom();
    }

    void firstFailure(CallRow call, String error, boolean willRetry) {
        send(call, "[OpenGallery] production interface call failed: " + call.activity().wireName() + " "
                + orderText(call), body(call, error, willRetry
                        ? "OpenGallery keeps retrying until " + call.deadlineAt() + " (UTC). Fix the cause; the next "
                        + "retry, or 重新启动 (restart) in 生产接口消息, sends it again."
                        : "No further automatic retries."));
    }

    void gaveUp(CallRow call, String error) {
        send(call, "[OpenGallery] production interface call given up: " + call.activity().wireName() + " "
                + orderText(call), body(call, error, "The retry window ran out"
                        + (call.activity().provisioningWindow() && call.activity() != Activity.ORDER_NOTIFY
                        ? "; the order is judged failed and unsubscribed." : ".")
                        + " After fixing the cause, press 重新启动 (restart) in 生产接口消息."));
    }

    private void send(CallRow call, String subject, String text) {
        String to = call.customerServiceEmail();
        if (to == null || to.isBlank()) {
            LOG.info("production-interface call {} failed; seller {} has no customer-service e-mail", call.id(),
                    call.sellerId());
            return;
        }
        mail.send(from, to, subject, text, "failure notice for production-interface call " + call.id());
    }

    private static String orderText(CallRow call) {
        return call.orderId() == null ? "instance " + call.instanceId() : "order " + call.orderId();
    }

    private static String body(CallRow call, String error, String what) {
        return "Production interface call " + call.id() + "\n"
                + "activity: " + call.activity().wireName() + "\n"
                + "order: " + nz(call.orderId()) + " / " + nz(call.orderLineId()) + "\n"
                + "instance: " + nz(call.instanceId()) + "\n"
                + "address: " + call.url() + " (" + call.version() + ")\n"
                + "attempts: " + (call.attempts() + 1) + "\n"
                + "异常信息: " + error + "\n\n" + what + "\n";
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
