package org.opengallery.marketplace.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders pages (not JSON): its refusals ({@link ApiException}, a malformed parameter, a
 * rejected upload) are shown as the error page in the page's language by {@link PageErrors}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {}
