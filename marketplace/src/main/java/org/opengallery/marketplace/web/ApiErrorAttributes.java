package org.opengallery.marketplace.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised before any controller runs (an unknown path, a method a path does not take) in the JSON API's one
 * shape too: {@code {"error":"method_not_allowed","message":"…"}}.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request,
                options.including(ErrorAttributeOptions.Include.MESSAGE));
        Object status = spring.get("status");
        HttpStatus known = status instanceof Integer code ? HttpStatus.resolve(code) : null;
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("error", known == null ? "error" : known.name().toLowerCase());
        Object message = spring.get("message");
        shaped.put("message", message == null || message.toString().isBlank()
                ? (known == null ? "the request failed" : known.getReasonPhrase()) : message);
        // The numeric status too: error pages show it, and a client may prefer it to the HTTP line.
        shaped.put("status", status);
        return shaped;
    }
}
