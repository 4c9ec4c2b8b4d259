package org.opengallery.marketplace.onboarding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opengallery.marketplace.access.SignedInUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A sub-user opens only the {@code /seller} pages its permissions name (403 otherwise): the page is found by the
 * request path's prefix ({@link SellerPage#ofPath}); paths that are no such page ({@code /seller/users}, anything
 * new) are for the main login only. The permissions are read on every request, so a change or a removal applies at
 * once, also to a sub-user already signed in. Main logins pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class SubUserPermissions implements WebMvcConfigurer, HandlerInterceptor {

    private final SubUsers subUsers;

    SubUserPermissions(SubUsers subUsers) {
        this.subUsers = subUsers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/seller", "/seller/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user) || !user.subUser()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean allowed = SellerPage.ofPath(path)
                .flatMap(page -> subUsers.of(user.subjectId(), user.getUsername()).map(s -> s.may(page)))
                .orElse(false);
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return allowed;
    }
}
