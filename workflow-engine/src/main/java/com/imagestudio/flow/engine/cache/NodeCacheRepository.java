package com.imagestudio.flow.engine.cache;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface NodeCacheRepository extends JpaRepository<NodeCacheEntry, String> {

    /** Two workers may finish the same node at once: the first result stays, both are equal. */
    @Modifying
    @Transactional
    @Query(value = "insert into node_cache (cache_key, node_type, outputs, created_at) "
            + "values (:key, :type, cast(:outputs as jsonb), now()) on conflict (cache_key) do nothing",
            nativeQuery = true)
    void insertIfAbsent(String key, String type, String outputs);
}
