package com.imagestudio.flow.engine.assets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The assets table written in batches, on embedded PostgreSQL. */
@SpringBootTest
class AssetRowsTest {

    @Autowired
    AssetRows rows;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void twoVersionsOfOneLogicalAssetInsertedTogetherAreNumberedInTheOrderGiven() {
        String owner = TestAssets.user();
        NewAsset first = asset(owner, "node:save/pair/image", "run-" + UUID.randomUUID(), hash('a'), List.of());
        NewAsset second = asset(owner, "node:save/pair/image", "run-" + UUID.randomUUID(), hash('b'), List.of());

        List<String> made = transaction.execute(tx -> rows.insertAll(List.of(first, second)));

        assertThat(made).hasSize(2);
        assertThat(rows.versions(owner, "node:save/pair/image")).extracting(Asset::id, Asset::version, Asset::blobHash)
                .containsExactly(tuple(made.get(0), 1, hash('a')),
                        tuple(made.get(1), 2, hash('b')));
    }

    @Test
    void aBatchRecordedAgainMakesOnlyTheAssetsItDidNotMakeBefore() {
        String owner = TestAssets.user();
        String run = "run-" + UUID.randomUUID();
        NewAsset recorded = asset(owner, "node:save/a/image/0", run, hash('c'), List.of());
        transaction.execute(tx -> rows.insertAll(List.of(recorded)));
        NewAsset missing = asset(owner, "node:save/a/image/1", run, hash('d'), List.of());

        List<String> made = transaction.execute(tx -> rows.insertAll(List.of(recorded, missing)));

        assertThat(made).hasSize(1);
        assertThat(rows.find(owner, made.get(0))).get().extracting(Asset::port).isEqualTo("image/1");
    }

    @Test
    void eachMadeAssetKeepsItsOwnSources() {
        String owner = TestAssets.user();
        String source = transaction.execute(tx -> rows.insert(asset(owner, "upload:" + UUID.randomUUID(), null, hash('e'), List.of())))
                .orElseThrow();
        String run = "run-" + UUID.randomUUID();

        List<String> made = transaction.execute(tx -> rows.insertAll(List.of(
                asset(owner, "node:save/b/image/0", run, hash('f'), List.of(source)),
                asset(owner, "node:save/b/image/1", run, hash('0'), List.of()))));

        assertThat(rows.sources(made.get(0))).containsExactly(source);
        assertThat(rows.sources(made.get(1))).isEmpty();
        assertThat(rows.derived(source)).containsExactly(made.get(0));
    }

    @Test
    void theNewestAssetHoldingEachBlobIsFoundAndABlobNoAssetHoldsIsLeftOut() {
        String owner = TestAssets.user();
        String older = transaction.execute(tx -> rows.insert(asset(owner, "upload:" + UUID.randomUUID(), null, hash('1'), List.of())))
                .orElseThrow();
        String newer = transaction.execute(tx -> rows.insert(asset(owner, "upload:" + UUID.randomUUID(), null, hash('1'), List.of())))
                .orElseThrow();
        String other = transaction.execute(tx -> rows.insert(asset(owner, "upload:" + UUID.randomUUID(), null, hash('2'), List.of())))
                .orElseThrow();

        Map<String, String> latest = rows.latestWithBlobs(owner, List.of(hash('1'), hash('2'), hash('3')));

        assertThat(latest).isEqualTo(Map.of(hash('1'), newer, hash('2'), other)).doesNotContainValue(older);
        assertThat(rows.latestWithBlobs(TestAssets.user(), List.of(hash('1')))).isEmpty();
    }

    private static NewAsset asset(String owner, String logicalKey, String runId, String blobHash, List<String> sources) {
        String port = runId == null ? null : logicalKey.substring(logicalKey.indexOf("/image") + 1);
        return new NewAsset(owner, AssetType.IMAGE, "test", logicalKey, runId, runId == null ? null : "save", port, null,
                "Encode", "Output", "local", null, null, Map.of(), 0, 10, 10, 100, "image/png", blobHash, List.of(),
                List.of("square"), sources);
    }

    private static String hash(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
