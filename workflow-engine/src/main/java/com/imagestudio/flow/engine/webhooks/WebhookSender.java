package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.activities.net.PublicAddresses;
import io.temporal.failure.ApplicationFailure;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final MediaType JSON = MediaType.get("application/json");

    private final JdbcClient jdbc;
    private final RunService runs;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final Clock clock;
    private final OkHttpClient http;

    WebhookSender(JdbcClient jdbc, RunService runs, WebhookSecrets secrets, WebhookUrls urls, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.secrets = secrets;
        this.urls = urls;
        this.clock = clock;
        this.http = urls.client(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(30))
                .protocols(List.of(Protocol.HTTP_1_1))
                .build());
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
        } catch (IllegalArgumentException refused) {
            throw ApplicationFailure.newNonRetryableFailure(refused.getMessage(), NOT_DELIVERABLE);
        }
        byte[] body = body(call, runs.find(ownerId, call.runId()));
        Request request = new Request.Builder().url(uri.toString())
                .header("User-Agent", "image-studio-flow-webhooks")
                .header("X-Studio-Delivery", call.deliveryId())
                .header("X-Studio-Timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, secret))
                .post(RequestBody.create(body, JSON))
                .build();
        int status;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
        } catch (PublicAddresses.RefusedAddressException refused) {
            attempted(call, null, refused.getMessage());
            throw ApplicationFailure.newNonRetryableFailure(refused.getMessage(), NOT_DELIVERABLE);
        } catch (IOException e) {
            attempted(call, null, "cannot reach the webhook: " + e.getMessage());
            throw ApplicationFailure.newFailure("cannot reach the webhook: " + e.getMessage(), "WebhookUnreachable");
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
