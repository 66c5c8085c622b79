package com.imagestudio.flow.engine.run;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface RunRepository extends JpaRepository<RunEntity, String> {

    Optional<RunEntity> findByIdAndOwnerId(String id, String ownerId);
}
