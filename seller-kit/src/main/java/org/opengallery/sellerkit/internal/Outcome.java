package org.opengallery.sellerkit.internal;

import org.opengallery.protocol.message.ResultCode;

/** What one activity came to: the result code and safe message to answer. */
public record Outcome(ResultCode code, String message) {

    public static final Outcome SUCCESS = new Outcome(ResultCode.Known.SUCCESS, "success");

    public static Outcome of(ResultCode.Known code, String message) {
        return new Outcome(code, message);
    }

    public static Outcome instanceNotFound(String instanceId) {
        return of(ResultCode.Known.INSTANCE_NOT_FOUND, "instance " + instanceId + " does not exist");
    }

    public static Outcome inProgress(String what) {
        return of(ResultCode.Known.IN_PROGRESS, what + " is being processed");
    }
}
