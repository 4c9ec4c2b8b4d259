package org.opengallery.marketplace.delivery;

import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.instance.AppInfo;

/**
 * One request to a seller and what came of it. {@code error} is the 异常信息 when no protocol answer could be
 * read (timeout, refused connection, HTTP status, malformed JSON, bad Body-Sign, undecryptable credentials);
 * otherwise {@code code} is the seller's resultCode. {@code request} and {@code response} are safe to store:
 * no signature, no key, passwords masked.
 */
record Exchange(String request, String response, String error, ResultCode code, String resultMsg,
                String instanceId, AppInfo appInfo) {

    static Exchange failed(String request, String response, String error) {
        return new Exchange(request, response, error, null, null, null, null);
    }

    boolean success() {
        return error == null && code != null && code.isSuccess();
    }

    boolean inProgress() {
        return error == null && code != null && code.isInProgress();
    }

    /** The 异常信息 for a protocol answer that is not a success. */
    String refusal(String activity) {
        return activity + " answered resultCode " + code.code() + " (" + code.english() + ")"
                + (resultMsg == null || resultMsg.isBlank() ? "" : ": " + CallRepository.truncate(resultMsg, 300));
    }
}
