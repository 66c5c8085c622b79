package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.engine.credits.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The studio's settings. Every default runs on one machine with nothing installed: embedded
 * PostgreSQL, an in-process Temporal server, blobs on the local disk.
 *
 * @param temporal where Temporal runs and which task queue the workers poll
 * @param blobs    where blobs are kept
 * @param images   limits on the images the studio accepts
 * @param database the embedded PostgreSQL used when no {@code spring.datasource.url} is set
 * @param credits  the plan a new account starts on
 * @param role     what this process does: the API and a worker ({@code all}), the API only
 *                 ({@code web}) or a worker only ({@code worker})
 */
@ConfigurationProperties("studio")
public record StudioProperties(Temporal temporal, Blobs blobs, Images images, Database database, Credits credits,
                               Role role) {

    public StudioProperties {
        temporal = temporal == null ? new Temporal(null, null, null, null) : temporal;
        blobs = blobs == null ? new Blobs(null, null, null) : blobs;
        images = images == null ? new Images(0) : images;
        database = database == null ? new Database(null) : database;
        credits = credits == null ? new Credits(null) : credits;
        role = role == null ? Role.ALL : role;
    }

    /**
     * What a process of the studio does. Every process of one deployment polls, or starts
     * workflows on, the same Temporal task queue, so more workers is more throughput.
     */
    public enum Role {
        /** the API and the editor, and a worker that runs the workflows: the default, one process for everything */
        ALL,
        /** the API and the editor only: runs wait on the task queue until a worker process polls it */
        WEB,
        /** a Temporal worker only, no web server: scale out by starting more of these */
        WORKER;

        public boolean runsWorker() {
            return this != WEB;
        }

        public boolean servesWeb() {
            return this != WORKER;
        }
    }

    /**
     * @param target                       host:port of a Temporal frontend; blank for the in-process server
     * @param stickyScheduleToStartTimeout how long a workflow task waits for the worker that ran
     *                                     its workflow last (which has it cached) before the server
     *                                     hands it to any worker; unset: Temporal's default, 5 s;
     *                                     zero: no sticky execution (every workflow task replays
     *                                     its history), for a server that never hands such a task
     *                                     on, as Temporal's Java test server when a worker dies
     */
    public record Temporal(String target, String namespace, String taskQueue, Duration stickyScheduleToStartTimeout) {
        public Temporal {
            target = target == null ? "" : target.trim();
            namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
            taskQueue = taskQueue == null || taskQueue.isBlank() ? "image-studio" : taskQueue;
        }

        public boolean embedded() {
            return target.isEmpty();
        }
    }

    /**
     * @param store {@code filesystem} (the default) or {@code s3}
     * @param path  the blob folder of the filesystem store
     * @param s3    the bucket of the S3 store
     */
    public record Blobs(Store store, String path, S3 s3) {
        public Blobs {
            store = store == null ? Store.FILESYSTEM : store;
            path = path == null || path.isBlank() ? "data/blobs" : path;
            s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
        }

        public enum Store { FILESYSTEM, S3 }

        /**
         * An S3-compatible bucket (AWS S3, MinIO, R2, ...).
         *
         * @param endpoint  blank for AWS S3 itself
         * @param accessKey blank for the AWS default credentials chain
         * @param pathStyle {@code http://host/bucket/key} addressing; true unless set
         */
        public record S3(String endpoint, String bucket, String region, String accessKey, String secretKey,
                         Boolean pathStyle) {
            public S3 {
                pathStyle = pathStyle == null || pathStyle;
            }

            /** Never the keys: these settings may be printed. */
            @Override
            public String toString() {
                return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle + "]";
            }
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
