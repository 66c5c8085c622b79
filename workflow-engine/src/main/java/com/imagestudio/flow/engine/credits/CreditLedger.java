package com.imagestudio.flow.engine.credits;

import com.imagestudio.flow.engine.config.StudioProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The append-only credit ledger. Every entry has a key that makes writing it idempotent
 * ({@code reserve:run}, {@code charge:run:node}, {@code release:run}, {@code grant:user:month}),
 * so a retried activity or a restarted worker never moves credits twice. Balances are sums.
 */
@Service
public class CreditLedger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Plan defaultPlan;

    CreditLedger(JdbcClient jdbc, Clock clock, StudioProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultPlan = properties.credits().defaultPlan();
    }

    /** Opens an account on a plan, unless the user has one already. */
    @Transactional
    public void openAccount(String userId, Plan plan) {
        jdbc.sql("insert into credit_accounts (user_id, plan) values (:user, :plan) on conflict do nothing")
                .param("user", userId).param("plan", plan.name()).update();
    }

    /** Opens the account on the default plan on first use, and grants the plan's allowance once per month. */
    @Transactional
    public Plan ensureAccount(String userId) {
        openAccount(userId, defaultPlan);
        Plan plan = plan(userId);
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        append(userId, "GRANT", plan.monthlyCredits(), null, null, null,
                "grant:" + userId + ":" + month, "monthly allowance of the " + plan.name().toLowerCase() + " plan, " + month);
        return plan;
    }

    /** Adds credits (a purchase, a refund); {@code key} makes it happen once. */
    @Transactional
    public void grant(String userId, int amount, String key, String note) {
        ensureAccount(userId);
        append(userId, "GRANT", amount, null, null, null, "grant:" + userId + ":" + key, note);
    }

    @Transactional
    public Balance balance(String userId) {
        return balanceOf(userId, ensureAccount(userId));
    }

    /**
     * Opens the account if need be and locks its row until the caller's transaction ends, so that
     * a per-user limit (credits, runs in progress) is counted and written by one request of the
     * user at a time: a second request waits here, then counts what the first one wrote.
     *
     * @return the user's plan, read under the lock
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Plan lockAccount(String userId) {
        ensureAccount(userId);
        return Plan.valueOf(jdbc.sql("select plan from credit_accounts where user_id = :user for update")
                .param("user", userId).query(String.class).single());
    }

    /**
     * Holds {@code amount} credits for a run, or refuses with "insufficient credits: need N, have M".
     * The balance is read and the reservation written under {@link #lockAccount}, so runs reserving
     * at the same time never take the same credits: the available balance never goes below zero.
     */
    @Transactional
    public void reserve(String runId, String userId, int amount) {
        if (amount == 0) {
            return; // nothing to hold: a run of local nodes takes no lock
        }
        Plan plan = lockAccount(userId);
        if (exists("reserve:" + runId)) {
            return; // held already by an earlier attempt
        }
        Balance balance = balanceOf(userId, plan);
        if (amount > balance.available()) {
            throw new InsufficientCreditsException(amount, balance.available());
        }
        append(userId, "RESERVE", amount, runId, null, null, "reserve:" + runId, null);
    }

    /** What a finished node cost; taken from the run's reservation. */
    @Transactional
    public void charge(String runId, String userId, String nodeId, String nodeType, int amount) {
        if (amount > 0) {
            append(userId, "CHARGE", amount, runId, nodeId, nodeType, "charge:" + runId + ":" + nodeId, null);
        }
    }

    /** Gives back what a run reserved and did not spend, whatever the way it ended. */
    @Transactional
    public void release(String runId, String userId) {
        Integer unspent = jdbc.sql("""
                        select coalesce(sum(case kind when 'RESERVE' then amount else -amount end), 0)
                        from credit_ledger where run_id = :run and kind in ('RESERVE', 'CHARGE', 'RELEASE')""")
                .param("run", runId).query(Integer.class).single();
        if (unspent > 0) {
            append(userId, "RELEASE", unspent, runId, null, null, "release:" + runId, null);
        }
    }

    public List<LedgerEntry> entries(String userId, int limit, int offset) {
        return jdbc.sql("""
                        select id, kind, amount, run_id, node_id, node_type, note, created_at from credit_ledger
                        where user_id = :user order by id desc limit :limit offset :offset""")
                .param("user", userId).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new LedgerEntry(rs.getLong("id"), rs.getString("kind"), rs.getInt("amount"),
                        rs.getString("run_id"), rs.getString("node_id"), rs.getString("node_type"), rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Charges per UTC day and node type between two days (inclusive). */
    public List<UsageRow> usage(String userId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select (created_at at time zone 'UTC')::date as day, node_type, sum(amount) as credits, count(*) as nodes
                        from credit_ledger
                        where user_id = :user and kind = 'CHARGE'
                          and created_at >= :from and created_at < :until
                        group by 1, 2 order by 1, 2""")
                .param("user", userId)
                .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, i) -> new UsageRow(rs.getObject("day", LocalDate.class), rs.getString("node_type"),
                        rs.getInt("credits"), rs.getInt("nodes")))
                .list();
    }

    public Plan plan(String userId) {
        return Plan.valueOf(jdbc.sql("select plan from credit_accounts where user_id = :user")
                .param("user", userId).query(String.class).single());
    }

    private Balance balanceOf(String userId, Plan plan) {
        return jdbc.sql("""
                        select coalesce(sum(amount) filter (where kind = 'GRANT'), 0)   as grants,
                               coalesce(sum(amount) filter (where kind = 'CHARGE'), 0)  as charges,
                               coalesce(sum(amount) filter (where kind = 'RESERVE'), 0) as reserves,
                               coalesce(sum(amount) filter (where kind = 'RELEASE'), 0) as releases
                        from credit_ledger where user_id = :user""")
                .param("user", userId)
                .query((rs, i) -> {
                    int balance = rs.getInt("grants") - rs.getInt("charges");
                    // every charge is taken from a reservation, so what is still held is:
                    int reserved = rs.getInt("reserves") - rs.getInt("charges") - rs.getInt("releases");
                    return new Balance(plan, balance, reserved, balance - reserved);
                })
                .single();
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from credit_ledger where entry_key = :key").param("key", key)
                .query(Integer.class).single() > 0;
    }

    private void append(String userId, String kind, int amount, String runId, String nodeId, String nodeType,
                        String key, String note) {
        jdbc.sql("""
                        insert into credit_ledger (user_id, kind, amount, run_id, node_id, node_type, entry_key, note, created_at)
                        values (:user, :kind, :amount, :run, :node, :type, :key, :note, :at)
                        on conflict (entry_key) do nothing""")
                .param("user", userId).param("kind", kind).param("amount", amount).param("run", runId)
                .param("node", nodeId).param("type", nodeType).param("key", key).param("note", note)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
