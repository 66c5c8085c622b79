package com.imagestudio.flow.activities.blob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Temporary files a crashed process left behind (a blob half-written, an upload cut off):
 * nothing deletes them but a sweep at the next start.
 */
public final class LeftoverFiles {

    private static final Logger log = LoggerFactory.getLogger(LeftoverFiles.class);

    private LeftoverFiles() {
    }

    /**
     * Deletes the files directly in {@code folder} last written before this JVM started: those
     * of a process gone by now. A file written since may be another live process's, sharing the
     * folder, and is kept. Only ever called on a folder the studio owns.
     */
    public static void sweep(Path folder) {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(started) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep the temporary folder " + folder, e);
        }
        if (deleted > 0) {
            log.info("Deleted {} temporary files a stopped process left in {}", deleted, folder);
        }
    }
}
