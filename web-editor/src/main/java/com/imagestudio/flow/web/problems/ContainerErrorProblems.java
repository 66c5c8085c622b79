package com.imagestudio.flow.web.problems;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What Tomcat refuses before any servlet (an invalid URI: an encoded slash, a NUL, a backslash)
 * is a problem detail with a type too, in place of Tomcat's HTML error report.
 */
@Component
class ContainerErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> ((Host) context.getParent()).getPipeline().addValve(new ProblemValve()));
    }

    /** Tomcat's host error report, written as a problem (what the application answered stays untouched). */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            String title = status == null ? "Error" : status.getReasonPhrase();
            String body = "{\"type\":\"" + ProblemResponses.typeOf(HttpStatusCode.valueOf(code)) + "\",\"title\":\""
                    + title + "\",\"status\":" + code + ",\"detail\":\"the request was refused before reaching the studio\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing to tell it
            }
        }
    }
}
