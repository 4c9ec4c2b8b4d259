package org.opengallery.protocol.message.v2;

import org.opengallery.protocol.message.internal.ActivityTypeIds;

/** {@code activity} ↔ record for {@link V2Request}. */
final class V2ActivityTypeIds extends ActivityTypeIds {

    @Override
    protected String activityOf(Object request) {
        return ((V2Request) request).activity().code();
    }

    @Override
    protected Class<?> requestTypeOf(String activity) {
        return V2Activity.of(activity).requestType();
    }
}
