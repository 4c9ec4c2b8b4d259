package org.opengallery.marketplace.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link ApiCaller} controller parameter: the request must carry a valid bearer token (401 otherwise) of
 * one of these roles (403 otherwise). Without roles any authenticated caller is accepted.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Caller {
    Role[] value() default {};
}
