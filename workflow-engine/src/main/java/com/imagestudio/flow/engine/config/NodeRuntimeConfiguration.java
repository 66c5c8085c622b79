package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.provider.ProviderAvailability;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The node catalog and what nodes run with: blob store, image gate, result cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudioProperties.class)
public class NodeRuntimeConfiguration {

    @Bean
    NodeCatalog nodeCatalog() {
        return NodeCatalog.discover();
    }

    /** Provider keys and endpoints from the environment (STABILITY_API_KEY, WAVESPEED_API_KEY, HF_TOKEN, GEMINI_API_KEY). */
    @Bean
    ProviderSettings providerSettings() {
        return ProviderSettings.fromEnvironment(System.getenv());
    }

    /** Refuses, at validation, a graph that needs a provider whose key is not set. */
    @Bean
    GraphValidator graphValidator(NodeCatalog catalog, ProviderSettings providers) {
        return new GraphValidator(catalog, ProviderAvailability.of(providers.configured()));
    }

    @Bean
    BlobStore blobStore(StudioProperties properties) {
        return new FileSystemBlobStore(Path.of(properties.blobs().path()));
    }

    @Bean
    ImageProbe imageProbe(StudioProperties properties) {
        return new ImageProbe(properties.images().maxPixels());
    }

    @Bean
    NodeExecutor nodeExecutor(NodeCatalog catalog, BlobStore blobs, ImageProbe probe, NodeResultCache cache,
                              ProviderSettings providers) {
        return new NodeExecutor(catalog, blobs, probe, cache, ProviderClients.create(providers));
    }
}
