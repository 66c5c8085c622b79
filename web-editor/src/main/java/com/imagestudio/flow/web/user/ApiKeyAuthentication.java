package com.imagestudio.flow.web.user;

import com.imagestudio.flow.engine.users.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the user of every {@code /api} request from its API key ({@code Authorization: Bearer
 * isf_...} or {@code X-Api-Key}). A request without a key is the local user when
 * {@code studio.auth.local-user} is set (the single-user embedded default), and a 401 otherwise;
 * an unknown or revoked key is always a 401. Shared boards ({@code /api/shared/<token>} and its
 * assets) need no key: the token is the permission.
 */
@Component
class ApiKeyAuthentication extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final String localUser;
    private final JsonMapper json;

    ApiKeyAuthentication(ApiKeys keys, @Value("${studio.auth.local-user:}") String localUser, JsonMapper json) {
        this.keys = keys;
        this.localUser = localUser.trim();
        this.json = json;
    }

    /** Shared boards are read by anyone with their link: the board, and one of its assets. */
    static final Pattern PUBLIC = Pattern.compile("/api/shared/[A-Za-z0-9_-]+(/assets/[A-Za-z0-9_-]+)?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || PUBLIC.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        Optional<String> user = presented.isPresent()
                ? keys.userOf(presented.get())
                : Optional.of(localUser).filter(u -> !u.isEmpty());
        if (user.isEmpty()) {
            refuse(request, response, presented.isPresent()
                    ? "the API key is unknown or revoked"
                    : "an API key is required: send it as \"Authorization: Bearer <key>\"");
            return;
        }
        request.setAttribute(CurrentUser.ATTRIBUTE, user.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::trim);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(URI.create("https://image-studio-flow.dev/problems/unauthenticated"));
        problem.setTitle("Not authenticated");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
