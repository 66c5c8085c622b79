package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The node cache of one mapped list: asked once up front, given its results in groups. */
class ListResultCacheTest {

    private static final Duration MAX_UNSAVED = Duration.ofSeconds(1);
    private static final Map<String, PortValue> OUTPUTS = Map.of("text", PortValue.text("done"));

    private final InMemoryNodeResultCache cache = new InMemoryNodeResultCache();
    private final AtomicLong now = new AtomicLong();

    @Test
    void theKeysAskedAtTheStartAreAnsweredWithoutAskingTheCacheAgain() {
        cache.put("a", "Node", OUTPUTS);
        ListResultCache list = listOf("a", "b");

        assertThat(list.find("a")).contains(OUTPUTS);
        assertThat(list.find("b")).isEmpty();
        assertThat(cache.lookups()).isEqualTo(1);
    }

    @Test
    void aKeyNotAskedAtTheStartIsAskedOfTheCache() {
        ListResultCache list = listOf("a");
        cache.put("c", "Node", OUTPUTS);

        assertThat(list.findAll(List.of("a", "c"))).containsOnlyKeys("c");
        assertThat(cache.lookups()).isEqualTo(2);
    }

    @Test
    void resultsAreHeldUntilTheLongestUnsavedTimeHasPassedThenPutTogether() {
        ListResultCache list = listOf();

        list.put("a", "Node", OUTPUTS);
        now.addAndGet(MAX_UNSAVED.toNanos() - 1);
        list.put("b", "Node", OUTPUTS);
        assertThat(cache.size()).as("held").isZero();

        now.incrementAndGet();
        list.put("c", "Node", OUTPUTS);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.puts()).isEqualTo(1);
    }

    @Test
    void theWaitForTheNextGroupStartsWhenTheLastWasPut() {
        ListResultCache list = listOf();
        now.addAndGet(MAX_UNSAVED.toNanos());
        list.put("a", "Node", OUTPUTS);

        list.put("b", "Node", OUTPUTS);

        assertThat(cache.find("b")).as("held until a second after a was put").isEmpty();
    }

    @Test
    void flushingPutsWhatIsHeld() {
        ListResultCache list = listOf();
        list.put("a", "Node", OUTPUTS);

        list.flush();

        assertThat(cache.find("a")).contains(OUTPUTS);
    }

    private ListResultCache listOf(String... keys) {
        return new ListResultCache(cache, List.of(keys), MAX_UNSAVED, now::get);
    }
}
