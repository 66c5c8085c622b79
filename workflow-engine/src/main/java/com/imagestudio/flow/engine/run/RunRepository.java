package com.imagestudio.flow.engine.run;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface RunRepository extends JpaRepository<RunEntity, String> {

    Optional<RunEntity> findByIdAndOwnerId(String id, String ownerId);

    List<RunEntity> findByStatusIn(Collection<RunStatus> statuses);

    long countByOwnerIdAndStatusIn(String ownerId, Collection<RunStatus> statuses);
}
