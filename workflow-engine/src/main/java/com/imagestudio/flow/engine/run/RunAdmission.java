package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's limit on runs at once, counted and held atomically. A user's runs in progress are
 * their queued and running runs outside batches, plus the places each unfinished batch holds for
 * its rows: its concurrency, or fewer when fewer rows are left to run (its rows' runs are not
 * counted again). Admission locks the user's account row ({@link CreditLedger#lockAccount})
 * and must happen in the transaction that records the run or the batch: a concurrent request of
 * the same user waits for that transaction to end, then counts what it recorded.
 */
@Component
public class RunAdmission {

    private final CreditLedger ledger;
    private final JdbcClient jdbc;

    RunAdmission(CreditLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /**
     * Admits {@code places} more runs at once for the owner (1 for a run, for a batch its
     * concurrency or its rows to run if fewer), holding the owner's lock until the caller's transaction ends.
     *
     * @throws TooManyRunsException when they would take the owner past the plan's limit
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admit(String ownerId, int places) {
        Plan plan = ledger.lockAccount(ownerId);
        long inProgress = jdbc.sql("""
                        select (select count(*) from runs r
                                where r.owner_id = :owner and r.status in ('QUEUED', 'RUNNING')
                                  and not exists (select 1 from batch_rows b where b.run_id = r.id))
                             + (select coalesce(sum(least(b.concurrency,
                                          (select count(*) from batch_rows r
                                           where r.batch_id = b.id and r.status in ('PENDING', 'RUNNING')))), 0)
                                from batches b where b.owner_id = :owner and b.status in ('QUEUED', 'RUNNING'))""")
                .param("owner", ownerId).query(Long.class).single();
        if (inProgress + places > plan.maxConcurrentRuns()) {
            throw new TooManyRunsException(inProgress, places, plan);
        }
    }
}
