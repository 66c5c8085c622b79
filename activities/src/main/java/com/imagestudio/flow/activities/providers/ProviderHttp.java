package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.activities.net.PublicAddresses;
import com.imagestudio.flow.catalog.provider.Provider;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place provider calls go through: per-call timeouts, retries of 429 and 5xx with
 * exponential backoff honouring {@code Retry-After} (seconds or an HTTP date), refusals (400, 401,
 * 402, 403, 404, 413, 422) turned into {@link ProviderRejectedException} with the provider's own
 * message, polling with progress reports, and guarded downloads. One instance per provider; the
 * API key is added by the client and never logged.
 */
public final class ProviderHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);
    /** Bodies longer than this are cut in error messages. */
    private static final int MAX_MESSAGE = 500;

    private final Provider provider;
    private final OkHttpClient client;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final UrlGuard guard;
    private final OkHttpClient guarded;
    private final Function<ProviderResponse, String> errorReader;

    /**
     * @param errorReader the provider's message from an error response (its JSON error shape);
     *                    falls back to the body text when it returns null
     */
    public ProviderHttp(Provider provider, OkHttpClient client, RetryPolicy retry, Sleeper sleeper, Clock clock,
                        boolean allowPrivateDownloads, Function<ProviderResponse, String> errorReader) {
        this.provider = provider;
        this.client = client;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.guard = new UrlGuard(allowPrivateDownloads);
        this.guarded = guard.guarded(client);
        this.errorReader = errorReader;
    }

    public Provider provider() {
        return provider;
    }

    /** Sends the request (rebuilt for each attempt) and returns the first 2xx answer. */
    public ProviderResponse execute(Supplier<Request> request, Duration timeout) {
        return execute(client, request, timeout);
    }

    private ProviderResponse execute(OkHttpClient client, Supplier<Request> request, Duration timeout) {
        OkHttpClient timed = client.newBuilder().callTimeout(timeout).readTimeout(timeout).build();
        for (int attempt = 1; ; attempt++) {
            Request sent = request.get();
            Duration wait;
            String reason;
            try (Response response = timed.newCall(sent).execute()) {
                ProviderResponse answer = read(response);
                LOG.debug("{} {} {} -> {}", provider, sent.method(), sent.url().encodedPath(), response.code());
                if (response.isSuccessful()) {
                    return answer;
                }
                String message = messageOf(answer);
                if (!RETRYABLE.contains(response.code())) {
                    throw new ProviderRejectedException(provider, response.code(), message);
                }
                reason = "HTTP " + response.code() + ": " + message;
                Optional<Duration> asked = retryAfter(response.header("Retry-After"));
                if (asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw new ProviderUnavailableException(provider, reason + " (asked to retry after "
                            + asked.get().toSeconds() + " s)");
                }
                wait = asked.orElse(retry.backoff(attempt));
            } catch (PublicAddresses.RefusedAddressException e) {
                throw new IllegalArgumentException("refusing to download from an internal address: " + e.getMessage(), e);
            } catch (InterruptedIOException e) {
                reason = "no answer within " + timeout.toSeconds() + " s";
                wait = retry.backoff(attempt);
            } catch (IOException e) {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                wait = retry.backoff(attempt);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ProviderUnavailableException(provider, reason + " after " + attempt + " attempts");
            }
            LOG.info("{} {}: {}; retrying in {} ms (attempt {} of {})", provider, sent.url().encodedPath(), reason,
                    wait.toMillis(), attempt + 1, retry.maxAttempts());
            pause(wait);
        }
    }

    /**
     * Asks {@code check} until it returns a result, reporting progress before each wait. Gives up
     * with a retryable {@link ProviderUnavailableException} after the schedule's timeout.
     */
    public <T> T poll(String job, Supplier<Optional<T>> check, PollSchedule schedule, ProgressListener progress) {
        Duration waited = Duration.ZERO;
        Duration interval = schedule.initialInterval();
        for (int round = 1; ; round++) {
            Optional<T> result = check.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (waited.compareTo(schedule.timeout()) >= 0) {
                throw new ProviderUnavailableException(provider, job + " still running after "
                        + waited.toSeconds() + " s of polling");
            }
            progress.progress(provider.displayName() + " " + job + ": in progress (check " + round + ")");
            pause(interval);
            waited = waited.plus(interval);
            interval = schedule.next(interval);
        }
    }

    /**
     * Downloads a result URL without credentials; every connection it makes, redirects included,
     * must go outside the worker's network.
     */
    public ProviderResponse download(String url, Duration timeout) {
        var checked = guard.check(url);
        return execute(guarded, () -> new Request.Builder().url(checked).get().build(), timeout);
    }

    private static ProviderResponse read(Response response) throws IOException {
        ResponseBody body = response.body();
        return new ProviderResponse(response.code(), response.headers(), body == null ? new byte[0] : body.bytes());
    }

    private String messageOf(ProviderResponse answer) {
        String message = null;
        try {
            message = errorReader.apply(answer);
        } catch (RuntimeException e) {
            // not the documented error shape: fall back to the text
        }
        if (message == null || message.isBlank()) {
            message = answer.text().isBlank() ? "(no message)" : answer.text().strip();
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110), relative to now. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(provider, "interrupted while waiting", e);
        }
    }
}
