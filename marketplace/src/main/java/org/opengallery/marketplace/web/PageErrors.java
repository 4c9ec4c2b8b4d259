package org.opengallery.marketplace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page's refusal (mostly "not found": another user's order, instance or product, whatever its id) as the error
 * page, in the page's language: the bundle's {@code error.<code>} text when it has one, else the service's message.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", messages.getMessage("error." + e.error(), null, e.getMessage(), locale));
        return "error";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String invalid(Exception e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", messages.getMessage("error.invalid_request", null, locale));
        return "error";
    }
}
