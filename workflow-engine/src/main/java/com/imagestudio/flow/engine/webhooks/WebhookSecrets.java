package com.imagestudio.flow.engine.webhooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret each user's webhook calls are signed with. An HMAC needs the secret itself, so it is
 * stored as it is (unlike API keys, which are stored hashed): it is shown once, when created or
 * rotated, and never logged or returned again. Rotating replaces it at once.
 */
@Service
public class WebhookSecrets {

    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new secret for the user, replacing any previous one; the only time it is shown. */
    public CreatedSecret rotate(String ownerId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into webhook_secrets (owner_id, secret, created_at) values (:owner, :secret, :at)
                        on conflict (owner_id) do update set secret = excluded.secret, created_at = excluded.created_at""")
                .param("owner", ownerId).param("secret", secret).param("at", Timestamp.from(now))
                .update();
        return new CreatedSecret(secret, now);
    }

    Optional<String> secretOf(String ownerId) {
        return jdbc.sql("select secret from webhook_secrets where owner_id = :owner")
                .param("owner", ownerId).query(String.class).optional();
    }

    public boolean exists(String ownerId) {
        return secretOf(ownerId).isPresent();
    }

    /** A secret just made, to give to its owner once. */
    public record CreatedSecret(String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "CreatedSecret[secret=<hidden>, createdAt=" + createdAt + "]";
        }
    }
}
