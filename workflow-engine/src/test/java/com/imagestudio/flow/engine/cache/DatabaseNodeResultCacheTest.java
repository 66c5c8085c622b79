package com.imagestudio.flow.engine.cache;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The node cache on embedded PostgreSQL. */
@SpringBootTest
class DatabaseNodeResultCacheTest {

    @Autowired
    NodeResultCache cache;

    @Test
    void aPutResultIsFoundByItsKeyWithItsBlobReferenceIntact() {
        String key = key();
        Map<String, PortValue> outputs = Map.of("image", image("a".repeat(64)));

        cache.put(key, "Resize", outputs);

        assertThat(cache.find(key)).contains(outputs);
    }

    @Test
    void findingSeveralKeysAnswersOnlyThoseThatWereCached() {
        String first = key();
        String second = key();
        cache.putAll(List.of(new NodeResultCache.Entry(first, "Encode", Map.of("image", image("b".repeat(64)))),
                new NodeResultCache.Entry(second, "SaveToLibrary", Map.of("image", image("c".repeat(64))))));

        Map<String, Map<String, PortValue>> found = cache.findAll(List.of(first, key(), second));

        assertThat(found).containsOnlyKeys(first, second);
        assertThat(found.get(second).get("image").blob().hash()).isEqualTo("c".repeat(64));
    }

    @Test
    void aSecondPutOfTheSameKeyKeepsTheFirstResult() {
        String key = key();
        cache.put(key, "Resize", Map.of("image", image("d".repeat(64))));

        cache.putAll(List.of(new NodeResultCache.Entry(key, "Resize", Map.of("image", image("e".repeat(64))))));

        assertThat(cache.find(key).orElseThrow().get("image").blob().hash()).isEqualTo("d".repeat(64));
    }

    @Test
    void nothingIsFoundForNoKeysOrAnUnknownKey() {
        assertThat(cache.findAll(List.of())).isEmpty();
        assertThat(cache.find(key())).isEmpty();
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static PortValue image(String hash) {
        return PortValue.media(PortType.IMAGE, new BlobRef(hash, "image/png", 1234, 64, 32));
    }
}
