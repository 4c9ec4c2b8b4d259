package org.opengallery.marketplace.onboarding;

import java.util.List;
import java.util.stream.Collectors;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A form refused for one or more reasons at once, so the seller fixes everything in one go. Each problem has a code
 * (the pages translate {@code onboarding.error.<code>}) and an English message saying what to change.
 */
public class FormProblems extends ApiException {

    private final List<Problem> problems;

    public FormProblems(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, problems.get(0).code(),
                problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<String> codes() {
        return problems.stream().map(Problem::code).toList();
    }

    /**
     * One thing wrong with a form: a stable code, what to do, and the detail a translation fills in as {@code {0}}
     * (the superlatives found, the name the bank account must carry), or null.
     */
    public record Problem(String code, String message, String detail) {

        public Problem(String code, String message) {
            this(code, message, null);
        }
    }
}
