package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.blob.S3BlobStore;
import com.imagestudio.flow.activities.blob.S3Settings;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.provider.ProviderAvailability;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The node catalog and what nodes run with: blob store, image gate, result cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudioProperties.class)
public class NodeRuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NodeRuntimeConfiguration.class);

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

    /** Blobs on the local disk, or, with {@code studio.blobs.store=s3}, in a bucket every worker shares. */
    @Bean
    BlobStore blobStore(StudioProperties properties) {
        StudioProperties.Blobs blobs = properties.blobs();
        if (blobs.store() == StudioProperties.Blobs.Store.FILESYSTEM) {
            return new FileSystemBlobStore(Path.of(blobs.path()));
        }
        StudioProperties.Blobs.S3 s3 = blobs.s3();
        S3Settings settings = new S3Settings(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(), s3.secretKey(), s3.pathStyle());
        S3BlobStore store = S3BlobStore.create(settings);
        try {
            store.checkBucket();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        log.info("Blobs: {}", settings);
        return store;
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
