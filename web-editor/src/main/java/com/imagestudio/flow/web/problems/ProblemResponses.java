package com.imagestudio.flow.web.problems;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.nodes.load.LoadImages;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.engine.assets.AssetNotFoundException;
import com.imagestudio.flow.engine.assets.CollectionNotFoundException;
import com.imagestudio.flow.engine.assets.ShareExpiredException;
import com.imagestudio.flow.engine.assets.ShareNotFoundException;
import com.imagestudio.flow.engine.batch.BatchNotFoundException;
import com.imagestudio.flow.engine.batch.BatchRejectedException;
import com.imagestudio.flow.engine.batch.BatchRunningException;
import com.imagestudio.flow.engine.batch.BatchTooLargeException;
import com.imagestudio.flow.engine.credits.InsufficientCreditsException;
import com.imagestudio.flow.engine.schedule.ScheduleNotFoundException;
import com.imagestudio.flow.engine.run.RunNotFoundException;
import com.imagestudio.flow.engine.run.RunNotRetryableException;
import com.imagestudio.flow.engine.run.RunNotStartedException;
import com.imagestudio.flow.engine.run.TooManyRunsException;
import com.imagestudio.flow.engine.workflows.IdempotencyKeyInUseException;
import com.imagestudio.flow.engine.workflows.IdempotencyKeyReusedException;
import com.imagestudio.flow.engine.workflows.WorkflowNotFoundException;
import com.imagestudio.flow.web.blobs.BlobNotFoundException;
import com.imagestudio.flow.web.keys.KeyNotFoundException;
import com.imagestudio.flow.web.runs.OutputNotFoundException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Map;

/**
 * Every error as an RFC 9457 problem detail: a stable type per kind of problem, a title, and a
 * detail a person can act on. Spring's own errors (malformed JSON, missing parts, oversized
 * uploads) come from the base class in the same shape, with a type named after their status.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://image-studio-flow.dev/problems/";

    private static final Map<Integer, String> TYPES = Map.of(
            400, "bad-request", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable",
            413, "payload-too-large", 415, "unsupported-media-type", 503, "service-unavailable");

    private final int maxParts;

    ProblemResponses(@Value("${server.tomcat.max-part-count}") int maxParts) {
        this.maxParts = maxParts;
    }

    /** The type of a problem that has none (Spring's own, the error page's): named after its status. */
    public static URI typeOf(HttpStatusCode status) {
        return URI.create(TYPE_BASE + TYPES.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "server-error"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(typeOf(response.getStatusCode()));
        }
        return response;
    }

    /** Too many parts (a folder of photos) is told apart from too many bytes. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Too many parts",
                        "at most " + maxParts + " parts per request: a run takes at most "
                                + LoadImages.MAX_IMAGES + " images");
                return handleExceptionInternal(e, problem, headers, status, request);
            }
        }
        return super.handleMaxUploadSizeExceededException(e, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail invalidGraph(InvalidGraphException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-graph", "The graph cannot run", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badInput(BadInputException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "bad-input", "The input cannot be used", e.getMessage());
    }

    @ExceptionHandler({RunNotFoundException.class, BlobNotFoundException.class, OutputNotFoundException.class,
            KeyNotFoundException.class, AssetNotFoundException.class, CollectionNotFoundException.class,
            ShareNotFoundException.class, WorkflowNotFoundException.class, BatchNotFoundException.class,
            ScheduleNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail shareExpired(ShareExpiredException e) {
        return problem(HttpStatus.GONE, "share-expired", "The shared link has expired", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooManyRuns(TooManyRunsException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-runs", "Too many runs in progress", e.getMessage());
    }

    /** The run was recorded but its workflow could not start; it is ended as FAILED, with the reason. */
    @ExceptionHandler
    ProblemDetail runNotStarted(RunNotStartedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "run-not-started", "The run could not start",
                e.getMessage());
        problem.setProperty("runId", e.runId());
        return problem;
    }

    /** Every bad row of a batch with its CSV line (null for the batch as a whole); nothing was stored. */
    @ExceptionHandler
    ProblemDetail invalidBatch(BatchRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-batch", "The batch has bad rows", e.getMessage());
        problem.setProperty("badRows", e.badRows());
        problem.setProperty("rows", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail batchTooLarge(BatchTooLargeException e) {
        return problem(HttpStatus.BAD_REQUEST, "batch-too-large", "Too many rows for the plan", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail batchRunning(BatchRunningException e) {
        return problem(HttpStatus.CONFLICT, "batch-running", "The batch is still running", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail insufficientCredits(InsufficientCreditsException e) {
        return problem(HttpStatus.PAYMENT_REQUIRED, "insufficient-credits", "Not enough credits", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key already used",
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyInUse(IdempotencyKeyInUseException e) {
        return problem(HttpStatus.CONFLICT, "idempotency-key-in-use", "Request in progress", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notRetryable(RunNotRetryableException e) {
        return problem(HttpStatus.CONFLICT, "run-not-retryable", "The run cannot be retried", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
