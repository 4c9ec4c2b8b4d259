package org.opengallery.protocol.message.v1;

import org.opengallery.protocol.message.internal.ActivityTypeIds;

/** {@code activity} ↔ record for {@link V1Request}. */
final class V1ActivityTypeIds extends ActivityTypeIds {

    @Override
    protected String activityOf(Object request) {
        return ((V1Request) request).activity().code();
    }

    @Override
    protected Class<?> requestTypeOf(String activity) {
        return V1Activity.of(activity).requestType();
    }
}
