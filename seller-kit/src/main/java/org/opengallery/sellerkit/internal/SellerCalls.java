package org.opengallery.sellerkit.internal;

import org.opengallery.protocol.message.ResultCode;
import org.opengallery.sellerkit.SellerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs seller code and turns what it throws into an answer, so nothing leaks: a {@link SellerRefusal} is
 * answered as the seller asked, an unimplemented activity as "not supported", anything else as {@code 000005}
 * with a safe message, logged with the order or instance it concerned.
 */
public final class SellerCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SellerCalls.class);

    /** Seller code: may throw anything. */
    @FunctionalInterface
    public interface SellerCode {
        void run() throws Exception;
    }

    private SellerCalls() {
    }

    /**
     * @param activity the activity's protocol name, for messages
     * @param subject  "order X" or "instance Y", for messages and logs
     */
    public static Outcome call(String activity, String subject, SellerCode code) {
        try {
            code.run();
            return Outcome.SUCCESS;
        } catch (Exception | Error e) {
            return failure(activity, subject, e);
        }
    }

    /** The answer for an exception thrown by seller code. */
    public static Outcome failure(String activity, String subject, Throwable e) {
        if (e instanceof SellerRefusal refusal) {
            LOG.info("{} of {} refused by the seller: {} {}", activity, subject, refusal.resultCode().code(),
                    refusal.getMessage());
            return new Outcome(refusal.resultCode(), refusal.getMessage());
        }
        if (e instanceof UnsupportedOperationException) {
            return Outcome.of(ResultCode.Known.INTERNAL_ERROR, "activity " + activity + " is not supported by this seller");
        }
        if (e instanceof Error error && !(e instanceof AssertionError)) {
            throw error;
        }
        LOG.error("{} of {} failed in seller code", activity, subject, e);
        return Outcome.of(ResultCode.Known.INTERNAL_ERROR, "internal error while handling " + activity + " of " + subject);
    }
}
