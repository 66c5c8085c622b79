package com.imagestudio.flow.catalog.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeCatalogTest {

    private final NodeCatalog catalog = TestNodes.catalog();

    @Test
    void findsANodeByIdAndVersion() {
        assertThat(catalog.find("Resize", 1)).contains(TestNodes.RESIZE_V1);
        assertThat(catalog.find("Resize", 2)).contains(TestNodes.RESIZE_V2);
    }

    @Test
    void findsNothingForAnUnknownVersionOrId() {
        assertThat(catalog.find("Resize", 3)).isEmpty();
        assertThat(catalog.find("Sharpen", 1)).isEmpty();
    }

    @Test
    void givesTheHighestVersionAsLatest() {
        assertThat(catalog.latest("Resize")).contains(TestNodes.RESIZE_V2);
    }

    @Test
    void givesTheHighestVersionAsLatestWhateverTheRegistrationOrder() {
        NodeCatalog reversed = NodeCatalog.of(List.of(TestNodes.RESIZE_V2, TestNodes.RESIZE_V1));

        assertThat(reversed.latest("Resize")).contains(TestNodes.RESIZE_V2);
    }

    @Test
    void hasNoLatestForAnUnknownId() {
        assertThat(catalog.latest("Sharpen")).isEmpty();
    }

    @Test
    void listsTheVersionsOfANodeInOrder() {
        NodeCatalog reversed = NodeCatalog.of(List.of(TestNodes.RESIZE_V2, TestNodes.RESIZE_V1));

        assertThat(reversed.versions("Resize")).containsExactly(1, 2);
        assertThat(reversed.versions("Sharpen")).isEmpty();
    }

    @Test
    void knowsAnIdWhateverItsVersions() {
        assertThat(catalog.knows("Resize")).isTrue();
        assertThat(catalog.knows("resize")).isFalse();
    }

    @Test
    void listsEverySchemaSortedByIdThenVersion() {
        assertThat(catalog.schemas()).extracting(s -> NodeCatalog.key(s.id(), s.version())).containsExactly(
                "ApplyMask@1", "Blur@1", "Caption@1", "Describe@1", "FanOut@1", "Folder@1", "Resize@1", "Resize@2",
                "Save@1", "SaveAll@1", "SaveText@1", "Segment@1", "Source@1", "Upscale@1");
    }

    @Test
    void givesTheDefinitionsOfOneImplementationTypeKeyedByIdAndVersion() {
        NodeCatalog mixed = NodeCatalog.of(List.of(TestNodes.BLUR, new SharpenNode()));

        assertThat(mixed.definitionsOf(SharpenNode.class)).containsOnlyKeys("Sharpen@1");
        assertThat(mixed.definitionsOf(TestNodes.class)).containsOnlyKeys("Blur@1");
    }

    @Test
    void refusesTwoDefinitionsOfTheSameIdAndVersionNamingBothClasses() {
        List<NodeDefinition> twice = List.of(new SharpenNode(), new OtherSharpenNode());

        assertThatThrownBy(() -> NodeCatalog.of(twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two definitions of node Sharpen v1: " + SharpenNode.class.getName() + " and "
                        + OtherSharpenNode.class.getName());
    }

    @Test
    void acceptsTheSameIdInTwoVersions() {
        assertThat(NodeCatalog.of(List.of(TestNodes.RESIZE_V1, TestNodes.RESIZE_V2)).versions("Resize")).hasSize(2);
    }

    static final class SharpenNode implements NodeDefinition {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("Sharpen", 1).build();
        }
    }

    static final class OtherSharpenNode implements NodeDefinition {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("Sharpen", 1).build();
        }
    }
}
