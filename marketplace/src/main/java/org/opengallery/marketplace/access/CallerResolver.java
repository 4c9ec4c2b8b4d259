package org.opengallery.marketplace.access;

import java.util.Arrays;
import java.util.List;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns {@code Authorization: Bearer <token>} into the {@link ApiCaller} parameter of a controller method. It runs
 * inside the handler invocation, so its refusals go through {@code web.ApiErrors} like any other: 401
 * {@code unauthorized} for a missing or unknown token, 403 {@code forbidden} for the wrong role.
 */
@Configuration(proxyBeanMethods = false)
public class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ApiTokens tokens;

    public CallerResolver(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public ApiCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "send Authorization: Bearer <token> with an API token");
        }
        ApiCaller caller = tokens.caller(header.substring(7).strip())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "the bearer token is not valid"));
        Caller required = parameter.getParameterAnnotation(Caller.class);
        if (required != null && required.value().length > 0 && Arrays.stream(required.value()).noneMatch(r -> r == caller.role())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "this endpoint is for " + Arrays.toString(required.value()) + ", not " + caller.role());
        }
        return caller;
    }
}
