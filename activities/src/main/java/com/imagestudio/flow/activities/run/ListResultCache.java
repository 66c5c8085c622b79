package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The node cache as the items of one mapped list see it. It is asked once for the steps of every
 * item before any runs, and it is given the items' results in groups: one group once
 * {@code maxUnsaved} has passed since the last one, and the rest when the list ends. A folder of
 * photos then costs two round trips and a few more, not two per photo. After a worker dies
 * mid-list, at most that much work is done again: an item slower than {@code maxUnsaved} (a
 * heavy local edit of a large image) is put as soon as it is done, as it would be without grouping.
 * <p>
 * Safe for the item threads: the results found are read only, and the results to put are held
 * under a lock that is never held over a round trip.
 */
final class ListResultCache implements NodeResultCache {

    /** A second of a list's work at most is redone after a crash. */
    static final Duration MAX_UNSAVED = Duration.ofSeconds(1);

    private final NodeResultCache cache;
    private final Set<String> asked;
    private final Map<String, Map<String, PortValue>> found;
    private final long maxUnsavedNanos;
    private final LongSupplier nanoTime;
    private List<Entry> unsaved = new ArrayList<>();
    private long lastPut;

    /** Asks {@code cache} for every key now. */
    ListResultCache(NodeResultCache cache, Collection<String> keys) {
        this(cache, keys, MAX_UNSAVED, System::nanoTime);
    }

    ListResultCache(NodeResultCache cache, Collection<String> keys, Duration maxUnsaved, LongSupplier nanoTime) {
        this.cache = cache;
        this.asked = Set.copyOf(keys);
        this.found = Map.copyOf(cache.findAll(keys));
        this.maxUnsavedNanos = maxUnsaved.toNanos();
        this.nanoTime = nanoTime;
        this.lastPut = nanoTime.getAsLong();
    }

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    /** The keys asked for at the start are answered as they were then; others are asked of the cache. */
    @Override
    public Map<String, Map<String, PortValue>> findAll(Collection<String> keys) {
        Map<String, Map<String, PortValue>> answer = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (asked.contains(key)) {
                Optional.ofNullable(found.get(key)).ifPresent(outputs -> answer.put(key, outputs));
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            answer.putAll(cache.findAll(unknown));
        }
        return answer;
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        putAll(List.of(new Entry(key, nodeType, outputs)));
    }

    /** Holds the entries, and puts all those held if the last group was put {@code maxUnsaved} ago. */
    @Override
    public void putAll(List<Entry> entries) {
        List<Entry> due;
        synchronized (this) {
            unsaved.addAll(entries);
            if (nanoTime.getAsLong() - lastPut < maxUnsavedNanos) {
                return;
            }
            due = takeUnsaved();
        }
        cache.putAll(due);
    }

    /** Puts what is held: the list has ended, or failed. */
    void flush() {
        List<Entry> due;
        synchronized (this) {
            due = takeUnsaved();
        }
        cache.putAll(due);
    }

    private List<Entry> takeUnsaved() {
        List<Entry> taken = unsaved;
        unsaved = new ArrayList<>();
        lastPut = nanoTime.getAsLong();
        return taken;
    }
}
