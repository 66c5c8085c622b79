package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Binding CSV rows to a graph's workflow inputs, with the real node catalog. */
class BatchRowBinderTest {

    private static final NodeCatalog CATALOG = NodeCatalog.discover();
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    private final BatchRowBinder binder = new BatchRowBinder(new GraphValidator(CATALOG), CATALOG);

    @Test
    void eachRowBindsItsColumnsTypedAsTheParametersTheyFeed() {
        BatchCsv.Table table = csv("image,side\n" + HASH_A + ",64\n" + HASH_B + ",128\n");

        List<BatchRowBinder.BoundRow> rows = binder.bind(spec(Map.of("photo", "image", "width", "side")), table, Map.of());

        assertThat(rows).extracting(BatchRowBinder.BoundRow::line, BatchRowBinder.BoundRow::inputs).containsExactly(
                tuple(2, Map.of("photo", HASH_A, "width", 64L)),
                tuple(3, Map.of("photo", HASH_B, "width", 128L)));
    }

    @Test
    void aFileNameInAnImageColumnBecomesTheHashOfThatUploadedFile() {
        BatchCsv.Table table = csv("image,side\nbeach.jpg,64\n");

        List<BatchRowBinder.BoundRow> rows = binder.bind(spec(Map.of("photo", "image", "width", "side")), table,
                Map.of("beach.jpg", HASH_B));

        assertThat(rows.get(0).inputs()).containsEntry("photo", HASH_B);
    }

    @Test
    void everyBadRowIsListedWithItsLineAndTheInputAndColumnAtFault() {
        BatchCsv.Table table = csv("image,side\n" + HASH_A + ",64\n,64\n" + HASH_B + ",0\n" + HASH_A + ",wide\n");

        assertThatThrownBy(() -> binder.bind(spec(Map.of("photo", "image", "width", "side")), table, Map.of()))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::line, RowProblem::message).containsExactly(
                                tuple(3, "load: workflow input \"photo\" needs a value"),
                                tuple(4, "resize: parameter 'width' must be between 1 and 16383, got 0 (input \"width\", column \"side\")"),
                                tuple(5, "resize: parameter 'width' must be a whole number, got \"wide\" (input \"width\", column \"side\")")));
    }

    @Test
    void aMappingToAColumnTheCsvLacksIsRefusedOnTheHeaderLine() {
        BatchCsv.Table table = csv("image\n" + HASH_A + "\n");

        assertThatThrownBy(() -> binder.bind(spec(Map.of("photo", "picture")), table, Map.of()))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::line, RowProblem::message).containsExactly(tuple(1,
                                "the mapping reads column \"picture\" for input \"photo\", but the CSV has no such column; its columns are [image]")));
    }

    @Test
    void aMappingToAnInputTheGraphLacksIsRefused() {
        BatchCsv.Table table = csv("image,x\n" + HASH_A + ",1\n");

        assertThatThrownBy(() -> binder.bind(spec(Map.of("photo", "image", "height", "x")), table, Map.of()))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(RowProblem::line, RowProblem::message).containsExactly(tuple(null,
                                "the mapping binds \"height\", but the workflow has no input of that name; its inputs are [photo, width]")));
    }

    @Test
    void aGraphThatCannotRunWhateverTheRowsIsAnInvalidGraph() {
        Graph broken = new Graph(List.of(new GraphNode("load", "LoadImage", 1, Map.of())), List.of(),
                List.of(new GraphInput("photo", "load", "blob", null)));

        assertThatThrownBy(() -> binder.bind(new BatchSpec(broken, Map.of("photo", "image"), Map.of(), null, null),
                csv("image\n" + HASH_A + "\n"), Map.of()))
                .isInstanceOf(InvalidGraphException.class);
    }

    @Test
    void sharedInputsApplyToEveryRowAndEachRowCarriesItsEstimate() {
        BatchCsv.Table table = csv("image\n" + HASH_A + "\n" + HASH_B + "\n");
        BatchSpec spec = new BatchSpec(resizeGraph(), Map.of("photo", "image"), Map.of("width", 32), null, null);

        List<BatchRowBinder.BoundRow> rows = binder.bind(spec, table, Map.of());

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.inputs()).containsEntry("width", 32);
            assertThat(row.credits()).isNotNegative();
        });
    }

    private static BatchSpec spec(Map<String, String> mapping) {
        return new BatchSpec(resizeGraph(), mapping, Map.of(), null, null);
    }

    static Graph resizeGraph() {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("height", 64, "mode", "fill")),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null), new GraphInput("width", "resize", "width", null)));
    }

    private static BatchCsv.Table csv(String text) {
        return BatchCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
