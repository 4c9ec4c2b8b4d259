package org.opengallery.protocol.message.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Maps the {@code activity} field to a request record and back, from one table (the activity enum), so the
 * names are not repeated in {@code @JsonSubTypes}; an unknown name fails with the enum's own exception.
 */
public abstract class ActivityTypeIds extends TypeIdResolverBase {

    /** The activity name of a request. */
    protected abstract String activityOf(Object request);

    /** The request type of an activity name; throws for unknown names. */
    protected abstract Class<?> requestTypeOf(String activity);

    @Override
    public String idFromValue(Object value) {
        return activityOf(value);
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return activityOf(value);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return context.constructType(requestTypeOf(id));
    }

    @Override
    public String getDescForKnownTypeIds() {
        return "activity";
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
