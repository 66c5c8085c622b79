package com.imagestudio.flow.engine.run;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface RunRepository extends JpaRepository<RunEntity, String> {

    Optional<RunEntity> findByIdAndOwnerId(String id, String ownerId);

    /** Runs not yet ended, but for the rows of batches: a batch starts those again itself, as its children. */
    @Query(value = """
            select * from runs r where r.status in ('QUEUED', 'RUNNING')
            and not exists (select 1 from batch_rows b where b.run_id = r.id)""", nativeQuery = true)
    List<RunEntity> findUnfinishedOutsideBatches();
}
