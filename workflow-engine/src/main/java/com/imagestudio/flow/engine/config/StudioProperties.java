package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.engine.credits.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The studio's settings. Every default runs on one machine with nothing installed: embedded
 * PostgreSQL, an in-process Temporal server, blobs on the local disk.
 *
 * @param temporal where Temporal runs and which task queue the workers poll
 * @param blobs    where blobs are kept
 * @param images   limits on the images the studio accepts
 * @param database the embedded PostgreSQL used when no {@code spring.datasource.url} is set
 * @param credits  the plan a new account starts on
 */
@ConfigurationProperties("studio")
public record StudioProperties(Temporal temporal, Blobs blobs, Images images, Database database, Credits credits) {

    public StudioProperties {
        temporal = temporal == null ? new Temporal(null, null, null) : temporal;
        blobs = blobs == null ? new Blobs(null) : blobs;
        images = images == null ? new Images(0) : images;
        database = database == null ? new Database(null) : database;
        credits = credits == null ? new Credits(null) : credits;
    }

    /** @param target host:port of a Temporal frontend; blank for the in-process server */
    public record Temporal(String target, String namespace, String taskQueue) {
        public Temporal {
            target = target == null ? "" : target.trim();
            namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
            taskQueue = taskQueue == null || taskQueue.isBlank() ? "image-studio" : taskQueue;
        }

        public boolean embedded() {
            return target.isEmpty();
        }
    }

    public record Blobs(String path) {
        public Blobs {
            path = path == null || path.isBlank() ? "data/blobs" : path;
        }
    }

    /** @param maxPixels the pixel budget: larger images are refused before they are decoded */
    public record Images(long maxPixels) {
        public Images {
            maxPixels = maxPixels <= 0 ? 100_000_000L : maxPixels;
        }
    }

    /** @param embeddedDir data folder of the embedded PostgreSQL; blank for a throw-away one */
    public record Database(String embeddedDir) {
        public Database {
            embeddedDir = embeddedDir == null ? "" : embeddedDir.trim();
        }
    }

    public record Credits(Plan defaultPlan) {
        public Credits {
            defaultPlan = defaultPlan == null ? Plan.FREE : defaultPlan;
        }
    }
}
