package com.imagestudio.flow.engine.users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-user API keys. A key is 32 random bytes shown once at creation; only its SHA-256 is
 * stored, so a database leak reveals no key. A revoked key stops working at once.
 */
@Service
public class ApiKeys {

    private static final String PREFIX = "isf_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key for the user; the returned secret is the only time it is ever seen. */
    public CreatedKey create(String userId, String name) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("a key needs a name of 1 to 120 characters");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey("key-" + UUID.randomUUID(), name, secret.substring(0, 10), clock.instant(), null, null);
        jdbc.sql("""
                        insert into api_keys (id, user_id, name, key_hash, key_prefix, created_at)
                        values (:id, :user, :name, :hash, :prefix, :at)""")
                .param("id", key.id()).param("user", userId).param("name", name).param("hash", hash(secret))
                .param("prefix", key.prefix()).param("at", Timestamp.from(key.createdAt()))
                .update();
        return new CreatedKey(key, secret);
    }

    public List<ApiKey> list(String userId) {
        return jdbc.sql("""
                        select id, name, key_prefix, created_at, last_used_at, revoked_at from api_keys
                        where user_id = :user order by created_at desc""")
                .param("user", userId)
                .query((rs, i) -> new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** @return false when the user has no such key (another user's key is no such key) */
    public boolean revoke(String userId, String keyId) {
        return jdbc.sql("update api_keys set revoked_at = :at where id = :id and user_id = :user and revoked_at is null")
                .param("at", Timestamp.from(clock.instant())).param("id", keyId).param("user", userId)
                .update() > 0;
    }

    /** The user a presented key belongs to, if it is a live key. */
    public Optional<String> userOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update api_keys set last_used_at = :at where key_hash = :hash and revoked_at is null
                        returning user_id""")
                .param("at", Timestamp.from(clock.instant())).param("hash", hash(secret))
                .query(String.class).optional();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A key as listed: never its secret. */
    public record ApiKey(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A key just made, with the secret to give to its owner once. */
    public record CreatedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key + ", secret=<hidden>]";
        }
    }
}
