package com.imagestudio.flow.engine.run;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface RunNodeRepository extends JpaRepository<RunNodeEntity, RunNodeEntity.Key> {

    List<RunNodeEntity> findByRunIdOrderByPosition(String runId);

    Optional<RunNodeEntity> findByRunIdAndNodeId(String runId, String nodeId);
}
