package org.opengallery.marketplace.delivery;

import java.util.Locale;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a production-interface failure in the seller's message center, at the same two moments as
 * {@link FailureMailer}: the call's first failure and its give-up. Called right after the outcome is committed, next
 * to the mail; the notice carries no e-mail address because FailureMailer has already mailed the customer-service
 * address (two mails for one failure would teach sellers to ignore both). A notice that cannot be stored is logged
 * and never affects the delivery. Texts are in the platform's language (zh-CN); they carry no key or signature.
 */
@Component
class FailureNotices {

    private static final Logger LOG = LoggerFactory.getLogger(FailureNotices.class);
    private static final Locale PLATFORM = Locale.SIMPLIFIED_CHINESE;

    private final Notices notices;
    private final MessageSource texts;

    FailureNotices(Notices notices, MessageSource texts) {
        this.notices = notices;
        this.texts = texts;
    }

    void firstFailure(CallRow call, String error) {
        post(call, "INTERFACE_CALL_FAILED", "console.notice.callFailed", error);
    }

    void gaveUp(CallRow call, String error) {
        post(call, "INTERFACE_CALL_GAVE_UP", "console.notice.callGaveUp", error);
    }

    private void post(CallRow call, String kind, String key, String error) {
        try {
            String about = call.orderId() == null ? call.instanceId() : call.orderId();
            Object[] args = {call.activity().wireName(), about, CallRepository.truncate(error, 1000), call.deadlineAt()};
            notices.post(Recipient.seller(call.sellerId()), null, kind, texts.getMessage(key + ".title", args, PLATFORM),
                    texts.getMessage(key + ".body", args, PLATFORM), "/seller/interface-messages/" + call.id());
        } catch (RuntimeException e) {
            LOG.warn("production-interface call {}: the seller's notice was not stored ({})", call.id(),
                    e.getClass().getSimpleName());
        }
    }
}
