package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A provider node's world in a test: mock providers, a blob store for inputs, and recorded progress. */
public final class ProviderNodeFixture implements AutoCloseable {

    private final MockProviders providers = new MockProviders();
    private final TestNodes nodes;
    private final List<String> progress = new ArrayList<>();

    public ProviderNodeFixture(Path blobs) {
        this.nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    public MockProviders providers() {
        return providers;
    }

    public TestNodes nodes() {
        return nodes;
    }

    public List<String> progress() {
        return progress;
    }

    public PortValue image(byte[] bytes) {
        return nodes.imageValue(bytes);
    }

    public <P> NodeOutputs run(StudioNode<P> node, Map<String, PortValue> inputs, Map<String, ?> params) {
        return node.execute(nodes.inputs(inputs, providers.clients(), progress::add), TestNodes.params(node, params));
    }

    @Override
    public void close() {
        providers.close();
    }
}
