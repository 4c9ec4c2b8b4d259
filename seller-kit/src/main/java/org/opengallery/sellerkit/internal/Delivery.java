package org.opengallery.sellerkit.internal;

import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.instance.AppInfo;

/** Where a create stands when its answer is due. Sealed: the endpoints answer exactly these three. */
public sealed interface Delivery {

    String instanceId();

    /** Provisioned: answer success with the appInfo (or licence). */
    record Delivered(String instanceId, AppInfo appInfo, String license) implements Delivery {
    }

    /** Still running (here or on another node): answer {@code 000004}. */
    record Pending(String instanceId) implements Delivery {
    }

    /** The seller refused or failed: answer its code; the platform's retry will try again. */
    record Refused(String instanceId, ResultCode code, String message) implements Delivery {
    }
}
