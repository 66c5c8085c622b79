package com.imagestudio.flow.web.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses a JSON body declared larger than {@code studio.web.max-json-body} (2 MB by default)
 * before it is read: Spring reads JSON bodies whole, with no limit of its own (uploads have the
 * multipart limits). The graph limits bound what a run holds; this bounds the request as a whole.
 */
@Component
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    JsonBodyLimitFilter(@Value("${studio.web.max-json-body:2MB}") DataSize max, JsonMapper json) {
        this.maxBytes = max.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isJson(request) && request.getContentLengthLong() > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "the JSON body has " + request.getContentLengthLong() + " bytes; the limit is " + maxBytes);
            problem.setType(URI.create(ProblemResponses.TYPE_BASE + "payload-too-large"));
            problem.setTitle("Request too large");
            problem.setProperty("limit", maxBytes);
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
