package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import io.temporal.failure.ApplicationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a run's outcome to its webhook: a JSON body (delivery id, run id, status, workflow and
 * version, outputs, error), {@code X-Studio-Signature: sha256=<hex HMAC-SHA256 of the body with the
 * owner's webhook secret>}, {@code X-Studio-Delivery} and {@code X-Studio-Timestamp} (epoch
 * seconds of the attempt). Redirects are not followed. Every attempt is counted in
 * {@code webhook_deliveries}.
 */
@Component
class WebhookSender implements WebhookActivities {

    static final String SIGNATURE_HEADER = "X-Studio-Signature";

    private final JdbcClient jdbc;
    private final RunService runs;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WebhookSender(JdbcClient jdbc, RunService runs, WebhookSecrets secrets, WebhookUrls urls, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.secrets = secrets;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public void deliver(WebhookCall call) {
        String ownerId = jdbc.sql("select owner_id from runs where id = :id").param("id", call.runId())
                .query(String.class).optional()
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("no run " + call.runId(), NOT_DELIVERABLE));
        jdbc.sql("""
                        insert into webhook_deliveries (id, run_id, owner_id, url, status, created_at)
                        values (:id, :run, :owner, :url, 'PENDING', :at) on conflict (id) do nothing""")
                .param("id", call.deliveryId()).param("run", call.runId()).param("owner", ownerId).param("url", call.url())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        String secret = secrets.secretOf(ownerId).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "the owner has no webhook secret to sign with", NOT_DELIVERABLE));
        URI uri;
        try {
            uri = WebhookUrls.parse(call.url());
            urls.requirePublic(uri);
        } catch (IllegalArgumentException refused) {
            throw ApplicationFailure.newNonRetryableFailure(refused.getMessage(), NOT_DELIVERABLE);
        }
        byte[] body = body(call, runs.find(ownerId, call.runId()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "image-studio-flow-webhooks")
                .header("X-Studio-Delivery", call.deliveryId())
                .header("X-Studio-Timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            attempted(call, null, "cannot reach the webhook: " + e.getMessage());
            throw ApplicationFailure.newFailure("cannot reach the webhook: " + e.getMessage(), "WebhookUnreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted while calling the webhook", "WebhookUnreachable");
        }
        if (status / 100 != 2) {
            attempted(call, status, "the webhook answered " + status);
            throw ApplicationFailure.newFailure("the webhook answered " + status, "WebhookRefused");
        }
        attempted(call, status, null);
        jdbc.sql("update webhook_deliveries set status = 'DELIVERED', finished_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", call.deliveryId()).update();
    }

    @Override
    public void deliveryFailed(WebhookCall call, String reason) {
        jdbc.sql("""
                        update webhook_deliveries set status = 'FAILED', finished_at = :at,
                            last_error = coalesce(last_error, cast(:reason as text))
                        where id = :id and status = 'PENDING'""")
                .param("at", Timestamp.from(clock.instant())).param("reason", reason).param("id", call.deliveryId())
                .update();
    }

    private void attempted(WebhookCall call, Integer status, String error) {
        jdbc.sql("""
                        update webhook_deliveries set attempts = attempts + 1, last_status_code = :status,
                            last_error = cast(:error as text)
                        where id = :id""")
                .param("status", status, java.sql.Types.INTEGER).param("error", error).param("id", call.deliveryId())
                .update();
    }

    private static byte[] body(WebhookCall call, RunView run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "run.finished");
        body.put("delivery", call.deliveryId());
        body.put("runId", run.id());
        body.put("status", run.status());
        body.put("workflowId", run.workflowId());
        body.put("workflowVersion", run.workflowVersion());
        body.put("retryOf", run.retryOf());
        body.put("outputs", run.outputs());
        body.put("error", run.error());
        body.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        return EngineJson.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex HMAC-SHA256 of the body: what a receiver recomputes with its secret. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
