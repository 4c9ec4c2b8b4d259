package org.opengallery.marketplace.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Two filter chains. The machine APIs ({@code /api/**}: the JSON API with its bearer tokens, the AK/SK-signed open
 * APIs) are stateless, without CSRF and permitted at this level: each endpoint authenticates its caller itself
 * ({@link CallerResolver}, the open APIs' signatures). The pages sign in with a form against the {@code login}
 * table, carry a CSRF token in every form, and are split by role: {@code /buyer/**} BUYER, {@code /seller/**}
 * SELLER, {@code /operator/**} OPERATOR; the storefront, the sign-in page and static assets are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain machineApis(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/v3/api-docs*", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                // the machine APIs answer exactly as before Spring Security came in: no added response headers
                .headers(h -> h.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/buyer/**").hasRole(Role.BUYER.name())
                        .requestMatchers("/seller/**", "/seller").hasRole(Role.SELLER.name())
                        .requestMatchers("/operator/**", "/operator").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/", "/search", "/products/**", "/login", "/error", "/css/**", "/js/**",
                                "/webjars/**", "/favicon.ico", "/files/**", "/register", "/register/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(byRole()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/").permitAll())
                .build();
    }

    /** After sign-in: back to the page that asked for it when it is in this role's reach, else the role's home. */
    static AuthenticationSuccessHandler byRole() {
        var cache = new HttpSessionRequestCache();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            SavedRequest saved = cache.getRequest(request, response);
            cache.removeRequest(request, response);
            String target = user.home();
            if (saved != null && user.role() == Role.BUYER) {
                String path = java.net.URI.create(saved.getRedirectUrl()).getPath();
                if (path != null && (path.startsWith("/buyer/") || path.startsWith("/products/"))) {
                    target = saved.getRedirectUrl();
                }
            }
            redirect(request, response, target);
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        response.sendRedirect(target.startsWith("/") ? request.getContextPath() + target : target);
    }

    /** The hashes in {@code login} are Spring Security's {@code {id}hash} form (bcrypt today). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Logins logins) {
        return login -> logins.find(login)
                .map(l -> new SignedInUser(l.login(), l.role(), l.subjectId(), l.passwordHash(), !l.main()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
