package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs whose outputs land in the library, on embedded PostgreSQL and the in-process Temporal server. */
@SpringBootTest
class OutputAssetsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RunService runs;
    @Autowired
    AssetLibrary library;
    @Autowired
    AssetSearch search;
    @Autowired
    OutputAssets outputs;

    @Test
    void anOutputNodesImageLandsInTheLibraryWithItsRecipeAndTheAssetItWasMadeFrom() {
        String owner = TestAssets.user();
        AssetDetail upload = library.upload(owner, TestAssets.png(800, 400, Color.RED), "red banner", List.of());

        RunView run = run(owner, TestAssets.fromAsset(upload.asset().id(), 200, "thumb"));

        Asset made = onlyAssetOf(owner, run.id());
        assertThat(made.type()).isEqualTo(AssetType.IMAGE);
        assertThat(made.name()).isEqualTo("thumb");
        assertThat(made.nodeId()).isEqualTo("save");
        assertThat(made.nodeType()).isEqualTo("Encode");
        assertThat(made.provider()).isEqualTo("local");
        assertThat(made.mediaType()).isEqualTo("image/jpeg");
        assertThat(made.width()).isEqualTo(200);
        assertThat(made.height()).isEqualTo(100);
        assertThat(made.blobHash()).isEqualTo(run.outputs().get("save").get("image").blob().hash());
        assertThat(made.parameters()).containsOnlyKeys("save", "encode", "resize", "source");
        assertThat(made.autoTags()).contains("landscape", "size:small", "red", "faces:0");
        assertThat(library.find(owner, made.id()).sources()).containsExactly(upload.asset().id());
        assertThat(library.find(owner, upload.asset().id()).derived()).containsExactly(made.id());
    }

    @Test
    void anOutputWithAutoTagsOffLandsInTheLibraryUntagged() {
        String owner = TestAssets.user();
        String source = library.upload(owner, TestAssets.png(800, 400, Color.RED), "red banner", List.of()).asset().id();

        RunView run = run(owner, TestAssets.fromAsset(source, 200, Map.of("name", "bulk", "autoTags", false)));

        Asset made = onlyAssetOf(owner, run.id());
        assertThat(made.name()).isEqualTo("bulk");
        assertThat(made.width()).isEqualTo(200);
        assertThat(made.autoTags()).isEmpty();
    }

    @Test
    void eachResultOfAFolderRunRecordsTheImageItWasMadeFromNotTheWholeFolder() {
        // given a folder run over two photos of the library
        String owner = TestAssets.user();
        String red = library.upload(owner, TestAssets.png(320, 240, Color.RED), "red", List.of()).asset().blobHash();
        String blue = library.upload(owner, TestAssets.png(240, 320, Color.BLUE), "blue", List.of()).asset().blobHash();

        // when it has run
        RunView run = run(owner, TestAssets.fromFolder(red + "," + blue, 100, "square"));

        // then each result's recipe names its own photo as the item of the loader's list, not the loader's whole list
        Map<String, Map<String, Object>> loaderByName = new java.util.HashMap<>();
        search.search(owner, query(run.id())).items().forEach(asset ->
                loaderByName.put(asset.name(), (Map<String, Object>) asset.parameters().get("load")));
        assertThat(loaderByName).containsOnlyKeys("square (1)", "square (2)");
        assertThat(loaderByName.get("square (1)")).isEqualTo(Map.of("type", "LoadImages", "version", 1,
                "item", Map.of("number", 1, "of", 2, "hash", red)));
        assertThat(loaderByName.get("square (2)")).isEqualTo(Map.of("type", "LoadImages", "version", 1,
                "item", Map.of("number", 2, "of", 2, "hash", blue)));
    }

    @Test
    void reRunningAnEditedGraphAddsAVersionOfTheSameLogicalAsset() {
        String owner = TestAssets.user();
        String source = library.upload(owner, TestAssets.png(300, 300, Color.BLUE), "blue", List.of()).asset().id();
        Asset first = onlyAssetOf(owner, run(owner, TestAssets.fromAsset(source, 120, "avatar")).id());

        Asset second = onlyAssetOf(owner, run(owner, TestAssets.fromAsset(source, 60, "avatar")).id());

        assertThat(second.logicalKey()).isEqualTo(first.logicalKey()).isEqualTo("node:save/avatar/image");
        assertThat(second.version()).isEqualTo(2);
        assertThat(library.versions(owner, first.id())).extracting(Asset::id, Asset::version, Asset::width)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), 1, 120),
                        org.assertj.core.groups.Tuple.tuple(second.id(), 2, 60));
    }

    @Test
    void recordingTheSameOutputAgainMakesNoSecondAsset() {
        String owner = TestAssets.user();
        String source = library.upload(owner, TestAssets.png(100, 100, Color.GREEN), "green", List.of()).asset().id();
        Graph graph = TestAssets.fromAsset(source, 50, "retried");
        RunView run = run(owner, graph);
        Map<String, RunOutput.FinishedNode> finished = new java.util.HashMap<>();
        run.nodes().forEach(n -> finished.put(n.id(), new RunOutput.FinishedNode(n.outputs(), 0)));

        List<String> again = outputs.record(new RunOutput(run.id(), owner, null, outputs.recipeGraph(run.id(), graph, Map.of()),
                "save", run.outputs().get("save"), finished, outputs.autoTags(run.outputs().get("save"))));

        assertThat(again).isEmpty();
        assertThat(search.search(owner, query(run.id())).total()).isEqualTo(1);
    }

    @Test
    void aRunNamingAnotherUsersAssetIsRefusedOnThatNode() {
        String alice = TestAssets.user();
        String aliceAsset = library.upload(alice, TestAssets.png(64, 64, Color.ORANGE), "mine", List.of()).asset().id();

        assertThatThrownBy(() -> runs.start(TestAssets.user(), TestAssets.fromAsset(aliceAsset, 32, "stolen"), Map.of()))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.nodeId(), p -> p.code(), p -> p.message())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("source", ProblemCode.INVALID_PARAMETER,
                                "there is no asset " + aliceAsset + " in your library")));
    }

    private RunView run(String owner, Graph graph) {
        RunView run = runs.await(owner, runs.start(owner, graph, Map.of()).id(), WAIT);
        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    private Asset onlyAssetOf(String owner, String runId) {
        List<Asset> made = search.search(owner, query(runId)).items();
        assertThat(made).hasSize(1);
        return made.get(0);
    }

    private static AssetQuery query(String runId) {
        return new AssetQuery(null, null, null, null, null, null, null, null, null, null, null, runId, null, false, 200, 0);
    }
}
