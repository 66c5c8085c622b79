package com.imagestudio.flow.web.user;

import com.imagestudio.flow.engine.users.ApiKeys;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Every {@code /api} request is authenticated by Spring Security on the path its router sees (so
 * percent-encoding or dot segments cannot route around the key), from its API key
 * ({@code Authorization: Bearer isf_...} or {@code X-Api-Key}). A request without a key is the
 * local user when {@code studio.auth.local-user} is set (the single-user embedded default), and a
 * 401 otherwise; an unknown or revoked key is always a 401. Shared boards
 * ({@code /api/shared/<token>} and its assets) need no key: the token is the permission. The
 * editor page, Actuator and the API document stay open. The API is stateless: no session, no CSRF.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiKeySecurity {

    private static final String TYPE_BASE = "https://image-studio-flow.dev/problems/";
    /** Why a presented key was refused, for the 401's detail. */
    private static final String REFUSAL = ApiKeySecurity.class.getName() + ".refusal";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, @Value("${studio.auth.local-user:}") String localUser,
                            JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> write(json, request, response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                request.getAttribute(REFUSAL) instanceof String refusal ? refusal
                        : "an API key is required: send it as \"Authorization: Bearer <key>\"");
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.disable())
                .addFilterBefore(new KeyFilter(keys, localUser.trim()), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated))
                .authorizeHttpRequests(paths -> paths
                        // the request's own dispatch was authorized; its async and error dispatches follow it
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/shared/*", "/api/shared/*/assets/*").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .build();
    }

    /** Paths the firewall refuses (encoded slashes, {@code ;}, dot segments...) get a problem, not an empty 400. */
    @Bean
    RequestRejectedHandler rejectedPaths(JsonMapper json) {
        return (request, response, e) -> write(json, request, response, HttpStatus.BAD_REQUEST, "bad-request",
                "Bad request", "the request path is not accepted: " + e.getMessage());
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The user of a request from its key, or the local user when it has none; authorization decides the rest. */
    private static final class KeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;
        private final String localUser;

        KeyFilter(ApiKeys keys, String localUser) {
            this.keys = keys;
            this.localUser = localUser;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> presented = presentedKey(request);
            Optional<String> user = presented.isPresent()
                    ? keys.userOf(presented.get())
                    : Optional.of(localUser).filter(u -> !u.isEmpty());
            if (user.isPresent()) {
                request.setAttribute(CurrentUser.ATTRIBUTE, user.get());
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user.get(), null, AuthorityUtils.createAuthorityList("ROLE_USER")));
            } else if (presented.isPresent()) {
                request.setAttribute(REFUSAL, "the API key is unknown or revoked");
            }
            chain.doFilter(request, response);
        }

        private static Optional<String> presentedKey(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(authorization.substring(7).trim());
            }
            return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::trim);
        }
    }
}
